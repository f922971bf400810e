package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.json.Json;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Grafana files agree with each other and with the compose mounts: a fixed dashboard uid, every query on the
 * provisioned datasource's uid, and the dashboard provider reading the folder compose mounts the JSON into.
 * (Whether each query returns data is DashboardIT's job.)
 */
class DashboardProvisioningTest {

    @Test
    void shouldQueryOnlyTheProvisionedDatasourceFromADashboardWithAFixedUid() throws Exception {
        Map<String, Object> datasources = ComposeConfigTest.load(
                ExternalTools.deploy("grafana/provisioning/datasources/prometheus.yml"));
        String uid = String.valueOf(ComposeConfigTest.map(ComposeConfigTest.list(datasources.get("datasources")).get(0)).get("uid"));
        JsonNode dashboard = Json.MAPPER.readTree(Files.readString(ExternalTools.deploy("grafana/dashboards/dyadwatch.json")));

        assertThat(dashboard.path("uid").asText()).isEqualTo("dyadwatch-overview");
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
                assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank();
                targets++;
            }
        }
        assertThat(targets).isGreaterThan(10);
        assertThat(dashboard.path("templating").path("list").get(0).path("datasource").path("uid").asText()).isEqualTo(uid);
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
