package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/**
 * The register and matching pages end to end in Debian's Chromium, on the synthetic sample municipality: a
 * caseworker searches ("Sök placering"), reads the reasons of a result and compares two units side by side; an
 * administrator opens a unit in the register, sees field errors, meets a concurrent change (409), reloads, changes
 * the vacancies and saves, and the change is read back through the API. axe-core runs on every new page and fails
 * the test on any serious or critical violation. Screenshots go to target/screenshots/; the matching page is
 * copied to docs/screenshots/matching.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"placera.embedded-db.in-memory=true", "placera.metadata.fail-on-invalid=true",
                "placera.samples.enabled=true", "placera.samples.scale=0.25"})
class RegisterAndMatchingBrowserIntegrationTests extends BrowserTestSupport {

    @Override
    String axeReportFile() {
        return "axe-report-register.txt";
    }

    @Test
    void caseworkerSearchesAndComparesAdministratorEditsAUnit() throws Exception {
        Api admin = Api.at(port).asAdmin();
        // The sample municipality is loaded at start-up; wait until the register has it.
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                admin.get("/api/register/units?limit=1").expect(200).json().get("total").asInt() > 20);

        // --- The caseworker searches for a placement ---
        open("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        click(By.linkText("Sök placering"));
        waitForText(By.tagName("h1"), "Sök placering");
        waitFor(By.cssSelector("#m-targetGroup option[value='barn-unga']"));
        waitFor(By.cssSelector("#m-placementForm option[value='hvb-barn-unga']"));
        select(By.id("m-targetGroup"), "barn-unga");
        select(By.id("m-placementForm"), "hvb-barn-unga");
        type(By.id("m-age"), "15");
        click(By.cssSelector("label[for='m-need-npf']"));
        select(By.id("m-limit"), "10");
        click(By.xpath("//button[normalize-space()='Sök']"));
        waitForText(By.id("results-title"), "träffar");
        List<WebElement> rows = driver.findElements(By.cssSelector("tr.result-row"));
        assertThat(rows).as("ranked results").hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.get(0).findElement(By.cssSelector(".rank")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector(".excluded-summary")).getText()).contains("Bortsorterade");
        // The reasons of the first result, expanded.
        click(By.cssSelector("tr.reasons-row details summary"));
        waitForText(By.cssSelector("tr.reasons-row details ul.reasons"), "Behov");
        check("app-matching");
        copyToDocs("app-matching", "matching.png");

        // Compare the first two side by side.
        List<WebElement> boxes = driver.findElements(By.cssSelector("tr.result-row input[type=checkbox]"));
        click(boxes.get(0));
        click(boxes.get(1));
        click(By.xpath("//button[normalize-space()='Jämför valda (2)']"));
        waitFor(By.cssSelector("table.compare-table"));
        assertThat(driver.findElements(By.cssSelector("table.compare-table thead th[scope=col]"))).hasSize(2);
        waitForText(By.cssSelector("table.compare-table"), "Handläggarbetyg");
        check("app-matching-compare");
        click(By.xpath("//button[normalize-space()='Logga ut']"));
        waitFor(By.id("username"));

        // --- The administrator changes the vacancies of a unit ---
        JsonNode unit = null;
        for (JsonNode u : admin.get("/api/register/units?limit=200").expect(200).json().get("items")) {
            if (u.path("places").asInt(0) >= 2 && u.path("active").asBoolean()) {
                unit = u;
                break;
            }
        }
        assertThat(unit).as("a sample unit with at least two places").isNotNull();
        String id = unit.get("id").asString();
        String name = unit.get("name").asString();
        int places = unit.get("places").asInt();
        int vacancies = unit.path("vacancies").asInt(0);
        int target = vacancies == places ? places - 1 : vacancies + 1;

        open("/admin/register");
        login("admin");
        waitForText(By.tagName("h1"), "Utförarregister");
        waitFor(By.cssSelector("tbody tr"));
        type(By.id("reg-q"), name);
        click(By.xpath("//button[normalize-space()='Filtrera']"));
        waitFor(By.xpath("//p[starts-with(normalize-space(),'Visar') and not(contains(., 'av " + "0 "
                + "'))]"));
        check("admin-register");
        click(By.cssSelector("a[href='/admin/register/units/" + id + "']"));
        waitForText(By.tagName("h1"), name);
        waitForText(By.tagName("dl"), "Lediga platser");
        check("admin-unit");

        click(By.linkText("Ändra"));
        waitForText(By.tagName("h1"), "Ändra " + name);
        // More vacancies than places: the server's field error is shown in the summary and at the field.
        type(By.id("u-vacancies"), String.valueOf(places + 1));
        click(By.xpath("//button[normalize-space()='Spara']"));
        waitForText(By.cssSelector(".error-summary"), "Det finns fel att rätta");
        waitForText(By.id("u-vacancies-error"), "Fel:");
        assertThat(driver.findElement(By.id("u-vacancies")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("u-vacancies")).getAttribute("aria-describedby"))
                .contains("u-vacancies-error");
        check("admin-unit-edit-errors");
        click(By.xpath("//div[contains(@class,'error-summary')]//a[starts-with(normalize-space(),'Lediga platser')]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "u-vacancies".equals(d.switchTo().activeElement().getAttribute("id")));

        // Someone else changes the unit meanwhile: the save is refused (optimistic locking), then reloaded.
        long version = admin.get("/api/register/units/" + id).expect(200).json().get("unit").get("version").asLong();
        int other = 0;
        while (other == vacancies || other == target) {
            other++; // a third value (places >= 2), so that the change really makes a new version
        }
        long changed = admin.patch("/api/register/units/" + id + "/vacancies",
                Map.of("vacancies", other, "version", version)).expect(200).json().get("unit").get("version").asLong();
        assertThat(changed).isGreaterThan(version);
        String otherValue = String.valueOf(other);
        type(By.id("u-vacancies"), String.valueOf(target));
        click(By.xpath("//button[normalize-space()='Spara']"));
        waitForText(By.cssSelector(".error-summary"), "Någon annan har ändrat verksamheten");
        click(By.xpath("//button[normalize-space()='Läs in senaste versionen']"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                otherValue.equals(d.findElement(By.id("u-vacancies")).getAttribute("value")));
        type(By.id("u-vacancies"), String.valueOf(target));
        click(By.xpath("//button[normalize-space()='Spara']"));
        waitForText(By.cssSelector(".ok-message"), "Sparat");
        check("admin-unit-edit");

        JsonNode saved = admin.get("/api/register/units/" + id).expect(200).json().get("unit");
        assertThat(saved.get("vacancies").asInt()).isEqualTo(target);
        assertThat(saved.get("version").asLong()).isGreaterThan(changed);

        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report-register.txt)")
                .isEmpty();
    }

}
