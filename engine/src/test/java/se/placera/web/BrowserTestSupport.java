package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.DocsOutput;

/**
 * What the browser tests share: Debian's chromium driven through chromedriver (failing with a message when
 * either is missing), sign-in, waiting, typing, and {@link #check} — axe-core on the page (serious and critical
 * violations are collected in {@link #violations}, all of them in {@link #allViolations}) followed by a full-page
 * screenshot under target/screenshots.
 */
abstract class BrowserTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("..", "runtime-ui", "node_modules", "axe-core", "axe.min.js");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Path DOCS = DocsOutput.folder("screenshots");

    static ChromeDriver driver;
    static Path profile;

    @LocalServerPort
    int port;

    /** Serious and critical axe-core violations found by {@link #check}. */
    final List<String> violations = new ArrayList<>();
    /** Every axe-core violation found by {@link #check}, whatever its impact. */
    final List<String> allViolations = new ArrayList<>();
    /** The axe-core report of each report file: the test methods of one class add to the same file. */
    static final Map<String, StringBuilder> AXE_REPORTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The file under target/screenshots that this test's axe-core report is written to. */
    abstract String axeReportFile();

    @BeforeAll
    static void startBrowser() throws Exception {
        // A browser test that cannot run fails: a skipped one would let a broken page pass CI unseen.
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Browser tests need /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run does this)")
                .isTrue();
        assertThat(AXE).as("axe-core comes from runtime-ui's node_modules: build runtime-ui first "
                + "(mvn -pl engine -am …, or npm install in runtime-ui)").exists();
        profile = Files.createTempDirectory("placera-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=sv-SE",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * A caseworker of the sample administration (PLACEMENT and FOLLOW_UP WRITE) who signs in with the demo password,
     * created once per application context.
     */
    void caseworkerWithDemoPassword(MongoTemplate mongo, PasswordEncoder encoder, String username, String firstName,
            String lastName) {
        if (mongo.exists(Query.query(Criteria.where("username").is(username)), "users")) {
            return;
        }
        Api.at(port).asAdmin().post("/api/users", Map.of("username", username, "firstName", firstName,
                "lastName", lastName, "email", username + "@exempelkommun.se", "administrations",
                List.of("exempelkommun-sof"), "permissions", Map.of("PLACEMENT", "WRITE", "FOLLOW_UP", "WRITE")))
                .expect(201);
        mongo.updateFirst(Query.query(Criteria.where("username").is(username)), new Update().set("active", true)
                .set("passwordHash", encoder.encode("placera-demo")).set("passwordChangedAt", Instant.now()), "users");
    }

    void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    /** Opens a page with no one signed in (test methods share the browser, so an earlier sign-in is dropped). */
    void openSignedOut(String path) {
        open(path);
        driver.manage().deleteAllCookies();
        open(path);
    }

    void login(String username) {
        type(By.id("username"), username);
        type(By.id("password"), "placera-demo");
        click(By.xpath("//button[@type='submit']"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "'" + text + "' in " + by + " on " + driver.getCurrentUrl() + " (it shows: '"
                        + driver.findElements(by).stream().map(WebElement::getText).findFirst().orElse("nothing") + "')")
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void click(By by) {
        click(new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by)));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(By by, String text) {
        type(waitFor(by), text);
    }

    void type(WebElement element, String text) {
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        element.sendKeys(text);
        element.sendKeys(Keys.TAB);
    }

    /** A field the server found wrong: its error text, aria-invalid, and aria-describedby naming the error. */
    void assertFieldError(String fieldId, String describedBy) {
        waitForText(By.id(fieldId + "-error"), "Fel:");
        WebElement field = driver.findElement(By.id(fieldId));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).isEqualTo(describedBy);
    }

    /** Follows the error summary's link that starts with the text; the link focuses the field. */
    void followSummaryLink(String text, String fieldId) {
        click(By.xpath("//div[contains(@class,'error-summary')]//a[starts-with(normalize-space(),'" + text + "')]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> fieldId.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    void select(By by, String value) {
        new Select(waitFor(by)).selectByValue(value);
    }

    /** axe-core on the page as it is now, then a full-page screenshot. */
    void check(String name) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(Files.readString(AXE));
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                     nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))))
                  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
                """);
        JsonNode found = Api.json(String.valueOf(result));
        StringBuilder axeReport = AXE_REPORTS.computeIfAbsent(axeReportFile(), f -> new StringBuilder());
        axeReport.append(name).append(" (").append(driver.getCurrentUrl()).append("): ").append(found.size())
                .append(" violation(s)\n");
        for (JsonNode v : found) {
            String impact = v.path("impact").asString("");
            axeReport.append("  ").append(impact).append(' ').append(v.get("id").asString()).append(": ")
                    .append(v.get("help").asString()).append(' ').append(v.get("nodes")).append('\n');
            String violation = name + ": " + v.get("id").asString() + " (" + impact + ") " + v.get("help").asString()
                    + " " + v.get("nodes");
            allViolations.add(violation);
            if (impact.equals("serious") || impact.equals("critical")) {
                violations.add(violation);
            }
        }
        Files.writeString(SHOTS.resolve(axeReportFile()), axeReport);
        screenshot(name);
    }

    void screenshot(String name) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    static void copyToDocs(String name, String target) throws Exception {
        Files.createDirectories(DOCS);
        Files.copy(SHOTS.resolve(name + ".png"), DOCS.resolve(target), StandardCopyOption.REPLACE_EXISTING);
    }
}
