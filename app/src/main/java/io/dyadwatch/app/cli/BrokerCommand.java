package io.dyadwatch.app.cli;

import io.dyadwatch.app.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch broker}: a real single-node Kafka broker in the foreground. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a real single-node Apache Kafka broker (KRaft) in the foreground.",
                "Prints 'bootstrap.servers=127.0.0.1:PORT' when ready; stops cleanly on Ctrl-C or SIGTERM."})
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9092",
            description = "Client port (default ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's data here across restarts (default: a temporary directory, deleted on exit).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(port, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "dyadwatch-broker-shutdown"));
        spec.commandLine().getOut().println("bootstrap.servers=" + broker.bootstrapServers());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
