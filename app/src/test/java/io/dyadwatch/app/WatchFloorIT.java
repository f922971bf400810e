package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The watch floor in a real headless Chromium (Debian's chromium and chromium-driver): the page shows the
 * assessments and alerts of a running pipeline, opens an alert's evidence, and shows markup from an event as
 * text without running it, and each channel's coverage. Saves screenshots to {@code target/watch-floor/} (never into
 * tracked files; docs/img holds copies made by hand).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchFloorIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    @TempDir
    static Path dir;

    private Services services;
    private ChromeDriver browser;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the watch floor test needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver): apt-get install chromium chromium-driver");
        TestIds ids = TestIds.unique("watchfloor");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
        base = "http://127.0.0.1:" + services.http().port();
        browser = chromium(dir.resolve("chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldShowAssessmentsAndAlertEvidenceAndNeverRunMarkupFromAnEvent() throws Exception {
        ArrayNode chinaRussia = Json.MAPPER.createArrayNode();
        chinaRussia.add(Json.MAPPER.readTree(TestEvents.event("wf-c1", "COMBINED_PATROL", "2024-07-24")));
        chinaRussia.add(Json.MAPPER.readTree(TestEvents.event("wf-c2", "LEADER_EXCHANGE", "2024-07-25")));
        chinaRussia.add(Json.MAPPER.readTree(TestEvents.treaty("wf-c3", "2024-07-26", "RUS", "CHN")));
        publish(chinaRussia.toString());
        ArrayNode treaty = Json.MAPPER.createArrayNode();
        treaty.add(Json.MAPPER.readTree(TestEvents.event("wf-visit", "LEADER_EXCHANGE", "2024-06-19", "RUS", "PRK")));
        ObjectNode signature = (ObjectNode) Json.MAPPER.readTree(TestEvents.treaty("wf-treaty", "2024-06-19", "RUS", "PRK"));
        signature.put("summary", "Comprehensive strategic partnership treaty with a mutual-defence clause " + HOSTILE);
        ((ObjectNode) signature.get("source")).put("name", "Test wire <b>Pyongyang</b>");
        treaty.add(signature);
        publish(treaty.toString());

        browser.get(base + "/");
        try {
            watchTheFloor();
        } catch (RuntimeException | AssertionError e) {
            Files.write(Path.of("target/watch-floor-failure.png"), browser.getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("page at failure:\n" + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void watchTheFloor() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(240));
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-dyad='PRK-RUS']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-dyad='CHN-RUS']")));
        By treatyAlert = By.xpath("//li[contains(@class,'alert-item')][.//span[@class='alert-dyad' and text()='PRK-RUS']]"
                + "[contains(., 'signature event')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(treatyAlert));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history-chart svg .marker")));
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Live");
        WebElement curated = browser.findElement(
                By.cssSelector(".card[data-dyad='CHN-RUS'] .coverage-channel[data-channel='curated']"));
        assertThat(curated.getText()).as("posted without DyadWatch-Covers: coverage assumed from the first receipt")
                .contains("curated: assumed from ").contains("weighed");
        screenshot("watch-floor.png");

        wait.until(d -> {
            d.findElement(treatyAlert).findElement(By.tagName("button")).click();
            return true;
        });
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-detail")));
        wait.until(d -> d.findElement(By.cssSelector("#alert-detail-evidence tr[data-id='wf-treaty']")).isDisplayed());
        WebElement row = browser.findElement(By.cssSelector("#alert-detail-evidence tr[data-id='wf-treaty']"));
        assertThat(row.findElement(By.className("evidence-type")).getText()).isEqualTo("DEFENSE_AGREEMENT");
        assertThat(row.findElement(By.className("evidence-grade")).getText()).isEqualTo("B1");
        assertThat(row.findElement(By.className("evidence-source")).getText()).isEqualTo("Test wire <b>Pyongyang</b>");
        assertThat(row.findElement(By.cssSelector(".evidence-source a")).getDomAttribute("href"))
                .isEqualTo("https://example.org/wf-treaty");
        assertThat(row.findElement(By.cssSelector(".evidence-source a")).getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(row.findElement(By.className("evidence-summary")).getText()).endsWith(HOSTILE);
        assertThat(detail.findElements(By.cssSelector("#alert-detail-rationale blockquote"))).isNotEmpty();
        assertThat(browser.findElement(treatyAlert).findElement(By.className("alert-period")).getText())
                .as("the period of the assessment that raised the alert").matches("\\d{4}-Q[1-4]");
        assertThat(browser.findElement(By.id("alert-detail-meta")).getText())
                .containsPattern("period \\d{4}-Q[1-4] \\(assessment revision \\d+\\)");
        screenshot("watch-floor-alert.png");

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector("img[src='x'], #alert-detail script, #evidence script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("b"))).isEmpty();
    }

    @Test
    void shouldServeOnlyThePageFilesWithStrictHeaders() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(get("/web/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/web/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        for (String path : List.of("/web/missing.js", "/web/../simplelogger.properties", "/web/%2e%2e/simplelogger.properties",
                "/web/", "/simplelogger.properties", "/web/sub/app.js", "/nothing")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private static ChromeDriver chromium(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1440,1500");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1500));
        return driver;
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "watch-floor").resolve(name);
        Files.createDirectories(target.getParent());
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void publish(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
