package io.dyadwatch.app.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this JVM from
 * the Maven artifacts; no Docker. Used by {@code ./dyadwatch broker}, the demo and the integration tests.
 *
 * <p>With a data directory, the log is formatted once and reused: topics and records survive a restart.
 * Without one, a temporary directory is used and deleted on {@link #close()}.
 *
 * <p>By default clients connect in PLAINTEXT. {@link #startWithSasl} starts a broker whose only client listener
 * is SASL_PLAINTEXT with the PLAIN mechanism and the given users; clients then need
 * {@link #saslPlainClientProperties(String, String)} (as {@code kafka.*} settings for DyadWatch).
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER = "CONTROLLER";
    private static final String SASL_LISTENER = "SASL_PLAINTEXT";
    private static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean temporary;
    private final int port;

    private EmbeddedBroker(KafkaRaftServer server, Path dataDir, boolean temporary, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
    }

    /**
     * Formats (when needed) and starts a broker.
     *
     * @param port    client port, 0 for any free port
     * @param dataDir where the log lives; null for a temporary directory removed on close
     * @return the running broker, ready for clients
     */
    public static EmbeddedBroker start(int port, Path dataDir) {
        return start(port, dataDir, null);
    }

    /**
     * Formats (when needed) and starts a broker whose client listener requires SASL (PLAIN mechanism, no TLS):
     * only the given users can connect. There is no authorizer: an authenticated user may do anything.
     *
     * @param port    client port, 0 for any free port
     * @param dataDir where the log lives; null for a temporary directory removed on close
     * @param users   user name ({@code [A-Za-z0-9._-]+}) to password (without {@code "} or {@code \})
     * @return the running broker, ready for clients with {@link #saslPlainClientProperties(String, String)}
     */
    public static EmbeddedBroker startWithSasl(int port, Path dataDir, Map<String, String> users) {
        if (users == null || users.isEmpty()) {
            throw new IllegalArgumentException("a SASL broker needs at least one user");
        }
        users.forEach((user, password) -> {
            requireUserName(user);
            requireJaasSafe(password);
        });
        return start(port, dataDir, users);
    }

    /**
     * The Kafka client properties that authenticate as a user on a {@link #startWithSasl SASL broker}: put them
     * under {@code kafka.} in DyadWatch's settings ({@code kafka.security.protocol=SASL_PLAINTEXT}, ...).
     */
    public static Map<String, String> saslPlainClientProperties(String user, String password) {
        requireJaasSafe(user);
        requireJaasSafe(password);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", SASL_LISTENER);
        props.put("sasl.mechanism", "PLAIN");
        props.put("sasl.jaas.config", PLAIN_LOGIN_MODULE + " required username=\"" + user + "\" password=\""
                + password + "\";");
        return props;
    }

    private static EmbeddedBroker start(int port, Path dataDir, Map<String, String> saslUsers) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("dyadwatch-broker-") : dataDir.toAbsolutePath();
            Files.createDirectories(dir);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Path logDir = dir.resolve("kraft-logs");
            Properties props = properties(clientPort, controllerPort, logDir);
            if (saslUsers != null) {
                secureClientListener(props, clientPort, controllerPort, saslUsers);
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new EmbeddedBroker(server, dir, temporary, clientPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker's data directory: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:port}, for any Kafka client. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The directory holding the broker's log. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits for it; deletes a temporary data directory. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private static Properties properties(int clientPort, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return props;
    }

    /** Replaces the PLAINTEXT client listener with a SASL_PLAINTEXT one (PLAIN); the broker uses it too. */
    private static void secureClientListener(Properties props, int clientPort, int controllerPort,
            Map<String, String> users) {
        String brokerPassword = UUID.randomUUID().toString();
        StringBuilder jaas = new StringBuilder(PLAIN_LOGIN_MODULE).append(" required username=\"broker\" password=\"")
                .append(brokerPassword).append("\" user_broker=\"").append(brokerPassword).append('"');
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        jaas.append(';');
        props.put("listeners", SASL_LISTENER + "://" + HOST + ":" + clientPort + "," + CONTROLLER + "://" + HOST + ":"
                + controllerPort);
        props.put("advertised.listeners", SASL_LISTENER + "://" + HOST + ":" + clientPort);
        props.put("listener.security.protocol.map", SASL_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", SASL_LISTENER);
        props.put("sasl.enabled.mechanisms", "PLAIN");
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.toString());
    }

    private static void requireUserName(String user) {
        if (user == null || !user.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("SASL user names are letters, digits, '.', '_' and '-'");
        }
    }

    private static void requireJaasSafe(String text) {
        if (text == null || text.isEmpty() || text.indexOf('"') >= 0 || text.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("SASL user names and passwords must be non-empty, without '\"' or '\\'");
        }
    }

    private static void format(Path logDir) {
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(CONTROLLER)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker's log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory left behind is harmless
        }
    }
}
