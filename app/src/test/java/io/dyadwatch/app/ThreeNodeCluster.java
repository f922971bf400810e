package io.dyadwatch.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Three real Kafka nodes (KRaft, each broker and controller, static voters) in this JVM, for tests: replication
 * factor 3 and {@code min.insync.replicas} 2 everywhere, internal topics included. A node can be stopped and
 * started again on its log directory while the other two serve.
 */
final class ThreeNodeCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER = "CONTROLLER";

    private final List<Properties> configs = new ArrayList<>();
    private final KafkaRaftServer[] servers = new KafkaRaftServer[3];

    private ThreeNodeCluster(Path dir) throws IOException {
        int[] clientPorts = new int[3];
        int[] controllerPorts = new int[3];
        for (int i = 0; i < 3; i++) {
            clientPorts[i] = freePort();
            controllerPorts[i] = freePort();
        }
        String voters = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> (i + 1) + "@" + HOST + ":" + controllerPorts[i]).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int i = 0; i < 3; i++) {
            Path logDir = dir.resolve("node-" + (i + 1));
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(i + 1));
            props.put("controller.quorum.voters", voters);
            props.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPorts[i] + "," + CONTROLLER + "://" + HOST + ":"
                    + controllerPorts[i]);
            props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPorts[i]);
            props.put("controller.listener.names", CONTROLLER);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", "3");
            props.put("default.replication.factor", "3");
            props.put("min.insync.replicas", "2");
            props.put("offsets.topic.replication.factor", "3");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "3");
            props.put("transaction.state.log.min.isr", "2");
            props.put("transaction.state.log.num.partitions", "5");
            props.put("share.coordinator.state.topic.replication.factor", "3");
            props.put("share.coordinator.state.topic.min.isr", "2");
            props.put("group.initial.rebalance.delay.ms", "0");
            // a stopped follower leaves the in-sync replicas after 5 s instead of 30: acks=all writes wait that long
            props.put("replica.lag.time.max.ms", "5000");
            props.put("auto.create.topics.enable", "false");
            configs.add(props);
            format(logDir, i + 1, clusterId);
        }
    }

    /** Starts the three nodes and waits until each has joined. */
    static ThreeNodeCluster start(Path dir) throws IOException {
        ThreeNodeCluster cluster = new ThreeNodeCluster(dir);
        // a node's start-up waits for a quorum: the three start together
        CompletableFuture.allOf(java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.runAsync(() -> cluster.startNode(i))).toArray(CompletableFuture[]::new))
                .orTimeout(120, TimeUnit.SECONDS).join();
        return cluster;
    }

    /** {@code host:port} of all three nodes. */
    String bootstrapServers() {
        return configs.stream().map(p -> ((String) p.get("advertised.listeners")).substring("PLAINTEXT://".length()))
                .collect(Collectors.joining(","));
    }

    /** Stops node {@code i} (0-2) and waits for it. */
    void stopNode(int i) {
        servers[i].shutdown();
        servers[i].awaitShutdown();
        servers[i] = null;
    }

    /** Starts node {@code i} (0-2) again on its log directory. */
    void startNode(int i) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(configs.get(i), false), Time.SYSTEM);
        server.startup();
        servers[i] = server;
    }

    /** Stops every node at once (one at a time, the last ones would wait for a controller quorum that is gone). */
    @Override
    public void close() {
        CompletableFuture.allOf(java.util.Arrays.stream(servers).filter(java.util.Objects::nonNull)
                .map(server -> CompletableFuture.runAsync(() -> {
                    server.shutdown();
                    server.awaitShutdown();
                })).toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
    }

    private static void format(Path logDir, int nodeId, String clusterId) {
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(CONTROLLER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
