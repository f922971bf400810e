package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.json.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Grafana files agree with each other and with the compose mounts: a fixed dashboard uid, every query through
 * the {@code $datasource} variable (no hard-coded uid, so the JSON imports into any Grafana: {@code __inputs} asks
 * for the Prometheus), an {@code $instance} variable every query filters by, and the dashboard provider reading
 * the folder compose mounts the JSON into.
 * (Whether each query returns data is DashboardIT's job.)
 */
class DashboardProvisioningTest {

    @Test
    void shouldQueryThroughTheDatasourceVariableOfADashboardWithAFixedUid() throws Exception {
        JsonNode dashboard = dashboard();

        assertThat(dashboard.path("uid").asText()).isEqualTo("dyadwatch-overview");
        int targets = 0;
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                        .isEqualTo("${datasource}");
                assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank()
                        .contains("instance=~\"$instance\"");
                targets++;
            }
        }
        assertThat(targets).isGreaterThan(10);
        List<String> uids = new ArrayList<>();
        collectDatasourceUids(dashboard, uids);
        assertThat(uids).as("no hard-coded datasource uid: importable anywhere")
                .allMatch(uid -> uid.equals("${datasource}") || uid.equals("-- Grafana --"));
    }

    @Test
    void shouldAskForTheDatasourceOnImportAndOfferItAndTheInstanceAsVariables() throws Exception {
        JsonNode dashboard = dashboard();
        JsonNode input = dashboard.path("__inputs").get(0);
        Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
        dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));

        assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(input.path("type").asText()).isEqualTo("datasource");
        assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
        assertThat(variables).containsKeys("datasource", "dyad", "instance");
        assertThat(variables.get("datasource").path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get("datasource").path("query").asText()).isEqualTo("prometheus");
        assertThat(variables.get("datasource").path("current").path("value").asText()).isEqualTo("${DS_PROMETHEUS}");
        assertThat(variables.get("instance").path("includeAll").asBoolean()).isTrue();
        assertThat(variables.get("instance").path("definition").asText()).contains("up{job=\"dyadwatch\"}");
        assertThat(dashboard.toString()).as("the input is only used by the datasource variable")
                .doesNotContain("dyadwatch-prometheus");
    }

    static JsonNode dashboard() throws java.io.IOException {
        return Json.MAPPER.readTree(Files.readString(ExternalTools.deploy("grafana/dashboards/dyadwatch.json")));
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static void collectDatasourceUids(JsonNode node, List<String> uids) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("datasource") && e.getValue().has("uid")) {
                    uids.add(e.getValue().path("uid").asText());
                }
                collectDatasourceUids(e.getValue(), uids);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectDatasourceUids(child, uids));
        }
    }

    @Test
    void shouldProvideTheDashboardsFromTheFolderComposeMounts() {
        Map<String, Object> provider = ComposeConfigTest.map(ComposeConfigTest.list(ComposeConfigTest.load(
                ExternalTools.deploy("grafana/provisioning/dashboards/dyadwatch.yml")).get("providers")).get(0));
        String path = String.valueOf(ComposeConfigTest.map(provider.get("options")).get("path"));
        Map<String, Object> grafana = ComposeConfigTest.map(ComposeConfigTest.map(ComposeConfigTest.load(
                ExternalTools.repositoryRoot().resolve("docker-compose.yml")).get("services")).get("grafana"));
        List<Object> volumes = ComposeConfigTest.list(grafana.get("volumes"));

        assertThat(volumes).map(String::valueOf).contains("./deploy/grafana/dashboards:" + path + ":ro",
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
    }
}
