package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.ExternalTools.Result;
import io.dyadwatch.app.wiring.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml: valid for {@code docker compose config} (the client needs no engine; skipped without the
 * docker CLI or its compose plugin), and consistent with this repository: pinned images, health checks, mounted
 * files that exist, DyadWatch commands and settings the CLI accepts, and scrape targets that are services.
 */
class ComposeConfigTest {

    private final Path root = ExternalTools.repositoryRoot();
    private final Map<String, Object> services = map(load(root.resolve("docker-compose.yml")).get("services"));

    @Test
    void shouldBeValidForDockerComposeConfig() throws Exception {
        List<String> compose = composeCommand();
        Assumptions.assumeTrue(compose != null, "neither `docker compose` (the CLI plugin) nor `docker-compose` is "
                + "installed; .ci/run installs Debian's docker-compose");

        List<String> command = new java.util.ArrayList<>(compose);
        command.addAll(List.of("-f", "docker-compose.yml", "config", "--quiet"));
        Result config = ExternalTools.run(command, root, new byte[0], Duration.ofSeconds(60));

        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void shouldPinEveryImageAndGiveEveryServiceAHealthCheck() throws Exception {
        assertThat(services).containsKeys("kafka", "ingest", "streams", "alerts", "prometheus", "alertmanager", "grafana");
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value);
            String image = String.valueOf(service.get("image"));
            assertThat(image).as("image of %s", name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
            assertThat(service).as("service %s", name).containsKey("healthcheck");
        });
        assertThat(Files.readString(root.resolve("Dockerfile"))).as("Dockerfile base images")
                .containsPattern("FROM maven:\\d+\\.\\d+\\.\\d+-").containsPattern("FROM eclipse-temurin:17\\.\\d+");
    }

    @Test
    void shouldRunTheBrokerVersionTheClientsAreBuiltWith() throws Exception {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(version.find()).isTrue();

        assertThat(String.valueOf(map(services.get("kafka")).get("image"))).isEqualTo("apache/kafka:" + version.group(1));
    }

    @Test
    void shouldKeepBuildOutputAndGitHistoryOutOfTheDockerBuildContext() throws Exception {
        Path dockerignore = root.resolve(".dockerignore");
        assertThat(Files.readString(root.resolve("Dockerfile"))).contains(".dockerignore");

        assertThat(Files.readAllLines(dockerignore)).contains(".git", "**/target");
    }

    @Test
    void shouldMountFilesThatExist() {
        services.forEach((name, value) -> {
            for (Object volume : list(map(value).getOrDefault("volumes", List.of()))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(root.resolve(source)).as("mount of %s", name).exists();
                }
            }
        });
    }

    @Test
    void shouldRunDyadWatchCommandsWithOptionsAndSettingsTheCliAccepts() {
        for (String name : List.of("ingest", "feed", "streams", "alerts")) {
            Map<String, Object> service = map(services.get(name));
            List<String> command = new ArrayList<>(list(service.get("command")).stream().map(String::valueOf).toList());
            command.add("--help");
            StringWriter err = new StringWriter();
            int exit = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), command.toArray(String[]::new));
            assertThat(exit).as("%s: dyadwatch %s: %s", name, command, err).isZero();

            Map<String, String> environment = new LinkedHashMap<>();
            map(service.get("environment")).forEach((key, v) -> environment.put(key, String.valueOf(v)));
            assertThat(Settings.resolve(null, environment, Map.of()).common().bootstrapServers()).isEqualTo("kafka:9092");
        }
    }

    @Test
    void shouldScrapeServicesThatExistOnThePortsTheyListenOn() {
        Map<String, Object> prometheus = load(ExternalTools.deploy("prometheus/prometheus.yml"));
        List<String> targets = new ArrayList<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            if ("dyadwatch".equals(map(job).get("job_name"))) {
                for (Object staticConfig : list(map(job).get("static_configs"))) {
                    list(map(staticConfig).get("targets")).forEach(t -> targets.add(String.valueOf(t)));
                }
            }
        }
        assertThat(targets).containsExactlyInAnyOrder("ingest:8080", "streams:8080", "alerts:8080");
        for (String target : targets) {
            Map<String, Object> environment = map(map(services.get(target.split(":")[0])).get("environment"));
            assertThat(String.valueOf(environment.get("DYADWATCH_HTTP_PORT"))).isEqualTo(target.split(":")[1]);
            assertThat(environment.get("DYADWATCH_HTTP_HOST")).as("%s listens beyond loopback", target).isEqualTo("0.0.0.0");
        }
    }

    @Test
    void shouldGroupAlertmanagerRoutesOnlyByLabelsThatAreSent() {
        java.util.Set<String> sent = new java.util.HashSet<>(new io.dyadwatch.alerts.sink.AlertPayloads("", "")
                .labels(SinkFixtures.firing("any")).keySet());
        sent.addAll(List.of("job", "instance")); // Prometheus's own alerts (deploy/prometheus/rules)
        List<Map<String, Object>> routes = new ArrayList<>();
        routes.add(map(load(ExternalTools.deploy("alertmanager/alertmanager.yml")).get("route")));
        for (int i = 0; i < routes.size(); i++) {
            Map<String, Object> route = routes.get(i);
            for (Object label : list(route.getOrDefault("group_by", List.of()))) {
                assertThat(sent).as("group_by label %s of route %s", label, route).contains(String.valueOf(label));
            }
            list(route.getOrDefault("routes", List.of())).forEach(r -> routes.add(map(r)));
        }
        assertThat(sent).as("the identity labels of a DyadWatch alert").contains("alertname", "dyad", "subject");
    }

    static Map<String, Object> load(Path file) {
        try {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return new ArrayList<>((List<?>) value);
    }

    /** {@code docker compose} when the CLI has the plugin, else the standalone {@code docker-compose}; null when neither. */
    private List<String> composeCommand() throws Exception {
        Path docker = ExternalTools.find("docker").orElse(null);
        if (docker != null && ExternalTools.run(List.of(docker.toString(), "compose", "version"), root, new byte[0],
                Duration.ofSeconds(30)).exitCode() == 0) {
            return List.of(docker.toString(), "compose");
        }
        return ExternalTools.find("docker-compose").map(p -> List.of(p.toString())).orElse(null);
    }
}
