package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * the test on any violation. Then the administrator pages through the register list and creates a provider and a
 * unit through the console (required markers, the server's field errors and the summary, the coded fields as
 * checkbox groups), and edits a coded field. Screenshots go to target/screenshots/; the matching page, the second
 * page of the register and the new-unit form with errors are copied to docs/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"placera.embedded-db.in-memory=true", "placera.metadata.fail-on-invalid=true",
                "placera.samples.enabled=true", "placera.samples.after-ready=false", "placera.samples.scale=0.25"})
class RegisterAndMatchingBrowserIntegrationTests extends BrowserTestSupport {

    /** Units per page of the console's register list (admin-console/src/register/RegisterPage.tsx). */
    static final int PAGE_SIZE = 50;

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
        openSignedOut("/app/");
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
        assertFieldError("u-vacancies", "u-vacancies-error");
        check("admin-unit-edit-errors");
        followSummaryLink("Lediga platser", "u-vacancies");

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

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-register.txt)").isEmpty();
    }

    @Test
    void administratorPagesThroughTheRegisterAndCreatesAProviderAndAUnit() throws Exception {
        Api admin = Api.at(port).asAdmin();
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                admin.get("/api/register/units?limit=1").expect(200).json().get("total").asInt() > PAGE_SIZE);
        int total = admin.get("/api/register/units?limit=1").expect(200).json().get("total").asInt();
        int pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        String firstOfPage2 = admin.get("/api/register/units?offset=" + PAGE_SIZE + "&limit=1").expect(200).json()
                .at("/items/0/name").asString();

        // --- Paging: the list shows one page; the pager is a labelled nav, the current page is announced ---
        openSignedOut("/admin/register");
        login("admin");
        waitForText(By.tagName("h1"), "Utförarregister");
        waitForText(By.id("reg-status"), "Visar 1–" + PAGE_SIZE + " av " + total + " verksamheter (sida 1 av " + pages + ")");
        assertThat(driver.findElements(By.cssSelector(".register-list tbody tr"))).hasSize(PAGE_SIZE);
        By pager = By.cssSelector("nav[aria-label='Sidor i registret']");
        assertThat(driver.findElement(pager).findElement(By.cssSelector("button[aria-current='page']")).getText())
                .isEqualTo("1");
        check("admin-register-page-1");
        click(By.xpath("//nav[@aria-label='Sidor i registret']//button[contains(normalize-space(),'Nästa')]"));
        waitForText(By.id("reg-status"), "Visar " + (PAGE_SIZE + 1) + "–");
        waitForText(By.id("reg-status"), "(sida 2 av " + pages + ")");
        assertThat(driver.getCurrentUrl()).endsWith("/admin/register?page=2");
        assertThat(driver.findElement(By.cssSelector(".register-list tbody tr th")).getText()).isEqualTo(firstOfPage2);
        assertThat(driver.findElement(pager).findElement(By.cssSelector("button[aria-current='page']")).getText())
                .isEqualTo("2");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "reg-status".equals(d.switchTo().activeElement().getAttribute("id")));
        check("admin-register-page-2");
        copyToDocs("admin-register-page-2", "register-list.png");
        // Back in the browser returns to page 1 (the page is in the address).
        driver.navigate().back();
        waitForText(By.id("reg-status"), "(sida 1 av " + pages + ")");

        // --- Ny utförare: required fields, server errors at the fields and in the summary, then created ---
        click(By.linkText("Ny utförare"));
        waitForText(By.tagName("h1"), "Ny utförare");
        assertThat(driver.findElement(By.cssSelector("label[for='p-orgNumber']")).getText())
                .isEqualTo("Organisationsnummer (obligatorisk)");
        check("admin-provider-new");
        type(By.id("p-orgNumber"), "12345");
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.cssSelector(".error-summary"), "Det finns fel att rätta");
        assertFieldError("p-name", "p-name-error");
        assertFieldError("p-orgNumber", "p-orgNumber-hint p-orgNumber-error");
        waitForText(By.id("p-regi-error"), "Fel:");
        check("admin-provider-new-errors");
        followSummaryLink("Organisationsnummer", "p-orgNumber");

        String providerName = "Webbtestets Omsorg AB";
        String orgNumber = String.format("%06d-%04d", ThreadLocalRandom.current().nextInt(1_000_000),
                ThreadLocalRandom.current().nextInt(10_000));
        type(By.id("p-name"), providerName);
        type(By.id("p-orgNumber"), orgNumber);
        click(By.cssSelector("label[for='p-regi']"));
        type(By.id("p-contact-email"), "kontakt@webbtestet.example");
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.tagName("h1"), providerName);
        waitForText(By.cssSelector(".ok-message"), "Utföraren är skapad");
        check("admin-provider");
        String providerId = driver.getCurrentUrl().replaceAll(".*/register/providers/([^?]+).*", "$1");
        JsonNode provider = admin.get("/api/register/providers/" + providerId).expect(200).json();
        assertThat(provider.get("orgNumber").asString()).isEqualTo(orgNumber);
        assertThat(provider.get("regi").asString()).isEqualTo("extern");
        assertThat(provider.at("/contact/email").asString()).isEqualTo("kontakt@webbtestet.example");

        // --- Ny enhet for that provider: coded fields as checkbox groups; a missing one is shown at its group ---
        click(By.linkText("Ny enhet hos utföraren"));
        waitForText(By.tagName("h1"), "Ny enhet");
        waitFor(By.cssSelector("#u-providerId option[value='" + providerId + "']"));
        waitFor(By.cssSelector("input[name='u-placementForms'][value='hvb-barn-unga']"));
        assertThat(driver.findElement(By.id("u-providerId")).getAttribute("value")).isEqualTo(providerId);
        check("admin-unit-new");
        type(By.id("u-name"), "Webbtestgården HVB");
        type(By.id("u-locality"), "Umeå");
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.cssSelector(".error-summary"), "Placeringsformer");
        waitForText(By.id("u-placementForms-error"), "Fel:");
        waitForText(By.id("u-targetGroups-error"), "Fel:");
        check("admin-unit-new-errors");
        copyToDocs("admin-unit-new-errors", "register-new-unit.png");
        followSummaryLink("Placeringsformer", "u-placementForms");

        click(By.cssSelector("input[name='u-targetGroups'][value='barn-unga']"));
        click(By.cssSelector("input[name='u-placementForms'][value='hvb-barn-unga']"));
        click(By.cssSelector("input[name='u-needs'][value='npf']"));
        type(By.id("u-places"), "6");
        type(By.id("u-vacancies"), "1");
        select(By.id("u-agreement-type"), "direktupphandling");
        click(By.xpath("//button[normalize-space()='Lägg till prisperiod']"));
        type(By.id("u-prices-0-perDay"), "4100");
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.tagName("h1"), "Webbtestgården HVB");
        waitForText(By.cssSelector(".ok-message"), "Enheten är skapad");
        waitForText(By.tagName("dl"), providerName);
        check("admin-unit-created");
        String unitId = driver.getCurrentUrl().replaceAll(".*/register/units/([^?]+).*", "$1");
        JsonNode unit = admin.get("/api/register/units/" + unitId).expect(200).json().get("unit");
        assertThat(unit.get("providerId").asString()).isEqualTo(providerId);
        assertThat(unit.get("placementForms").get(0).asString()).isEqualTo("hvb-barn-unga");
        assertThat(unit.get("targetGroups").get(0).asString()).isEqualTo("barn-unga");
        assertThat(unit.get("needs").get(0).asString()).isEqualTo("npf");
        assertThat(unit.at("/prices/0/perDay").asInt()).isEqualTo(4100);
        assertThat(unit.get("version").asLong()).isEqualTo(1);

        // --- The coded fields are editable: add a legal basis ---
        click(By.linkText("Ändra"));
        waitForText(By.tagName("h1"), "Ändra Webbtestgården HVB");
        click(By.cssSelector("input[name='u-legalBases'][value='sol']"));
        click(By.xpath("//button[normalize-space()='Spara']"));
        waitForText(By.cssSelector(".ok-message"), "Sparat (version 2)");
        check("admin-unit-edit-coded");
        JsonNode edited = admin.get("/api/register/units/" + unitId).expect(200).json().get("unit");
        assertThat(edited.get("legalBases").get(0).asString()).isEqualTo("sol");
        assertThat(edited.get("placementForms").get(0).asString()).isEqualTo("hvb-barn-unga");

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-register.txt)").isEmpty();
    }

}
