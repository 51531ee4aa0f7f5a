package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * The administration console's answers to issue 12 in Debian's Chromium, axe-core on every page state: the method
 * designer marks unsaved work, asks before leaving it, refuses "Ny metod" with a taken id and offers the existing
 * method, and its version list tells the version in use from older published ones (item 4); a codelist value in
 * use cannot be removed, the console says where it is used and retiring it is published (item 5); a unit gets an
 * IVO permit, level prices and documents in the console, says why matching leaves it out, and offers only the
 * framework agreements that fit it, and the organisation number is accepted without its dash (items 10, 11); each
 * role sees only what it may use, and a user with nothing to do is told what to do instead (item 9); designer codes
 * are words (item 11); and no page of the console scrolls sideways at 390 px (item 13).
 */
@AppIntegrationTest
class AdminConsoleBrowserIntegrationTests extends BrowserTestSupport {

    @Override
    String axeReportFile() {
        return "axe-report-admin-console.txt";
    }

    Api admin() {
        return Api.at(port).asAdmin();
    }

    String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    By field(String label) {
        return By.xpath("//label[normalize-space()='" + label + "']/following::*[self::input or self::select or self::textarea][1]");
    }

    Alert alert() {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
    }

    void signInAs(String username, String path) {
        openSignedOut(path);
        login(username);
    }

    @Test
    void theDesignerKeepsUnsavedWorkRefusesATakenIdAndTellsTheVersionInUse() throws Exception {
        // A method with two published versions and a draft: the list tells them apart.
        String methodId = "versioner-" + uid();
        Map<String, Object> method = new HashMap<>(se.placera.support.TestMethods.cascading(methodId));
        admin().post("/api/metadata/methods?create=true", method).expect(200);
        admin().post("/api/metadata/methods/" + methodId + "/versions/1/publish", null).expect(200);
        method.put("title", "Version två");
        admin().post("/api/metadata/methods", method).expect(200);
        admin().post("/api/metadata/methods/" + methodId + "/versions/2/publish", null).expect(200);
        method.put("title", "Version tre");
        admin().post("/api/metadata/methods", method).expect(200);

        signInAs("admin", "/admin/methods/new");
        waitForText(By.tagName("h1"), "Metoddesigner");
        // Designer codes are words: purpose "survey" and subject type "none".
        assertThat(new Select(waitFor(field("Syfte"))).getFirstSelectedOption().getText()).isEqualTo("Enkät");
        assertThat(new Select(waitFor(field("Svaret avser"))).getFirstSelectedOption().getText())
                .isEqualTo("Ingen (fristående)");
        assertThat(driver.findElements(By.cssSelector(".unsaved-tag"))).isEmpty();
        check("admin-designer-new");

        // Typing makes the work unsaved: marked, and leaving asks first (in the console and in the browser).
        type(field("Metodens id"), "vuxna-missbruk-uppfoljning");
        type(field("Titel"), "Min egen missbruksmetod");
        waitForText(By.cssSelector("h1 .unsaved-tag"), "Osparade ändringar");
        Object blocked = ((JavascriptExecutor) driver).executeScript(
                "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
        assertThat(blocked).as("beforeunload is cancelled while there are unsaved changes").isEqualTo(true);
        check("admin-designer-unsaved");
        click(By.xpath("//nav//a[normalize-space()='Metadata']"));
        Alert leave = alert();
        assertThat(leave.getText()).contains("inte är sparade");
        leave.dismiss();
        assertThat(driver.getCurrentUrl()).endsWith("/admin/methods/new");
        assertThat(waitFor(field("Titel")).getAttribute("value")).isEqualTo("Min egen missbruksmetod");

        // "Spara utkast" with a taken id: refused, nothing stored, the existing method offered.
        click(By.xpath("//button[normalize-space()='Spara utkast']"));
        waitForText(By.cssSelector(".error-summary"), "Det finns redan en metod med id vuxna-missbruk-uppfoljning");
        assertThat(admin().get("/api/metadata/methods/vuxna-missbruk-uppfoljning/versions").expect(200).json().size())
                .isEqualTo(1);
        check("admin-designer-id-taken");
        click(By.linkText("Öppna metoden vuxna-missbruk-uppfoljning"));
        alert().accept();
        String existingTitle = admin().get("/api/metadata/methods/vuxna-missbruk-uppfoljning").expect(200).json()
                .at("/content/title").asString();
        waitForText(By.tagName("h1"), existingTitle);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".unsaved-tag")).isEmpty());
        assertThat(driver.getCurrentUrl()).endsWith("/admin/methods/vuxna-missbruk-uppfoljning");

        // The version list: the newest published version is the one in use.
        open("/admin/methods/" + methodId + "/versions");
        waitForText(By.id("in-use-note"), "Version 2 används när nya svar startas");
        List<WebElement> rows = driver.findElements(By.xpath("(//table)[1]/tbody/tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText()).contains("3", "Utkast");
        assertThat(rows.get(1).getText()).contains("2", "Används nu");
        assertThat(rows.get(1).getAttribute("aria-current")).isEqualTo("true");
        assertThat(rows.get(2).getText()).contains("1", "Tidigare publicerad");
        check("admin-versions");

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-admin-console.txt)").isEmpty();
    }

    @Test
    void aCodelistValueInUseIsRetiredNotRemoved() throws Exception {
        String need = "webbtest-" + uid();
        String label = "Webbtestets behov " + need;
        JsonNode behov = admin().get("/api/metadata/codelists/behov?status=published").expect(200).json().get("content");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = new LinkedHashMap<>(Api.mapper().convertValue(behov, Map.class));
        @SuppressWarnings("unchecked")
        List<Object> items = new ArrayList<>((List<Object>) content.get("items"));
        items.add(Map.of("value", need, "label", label));
        content.put("items", items);
        int v = admin().post("/api/metadata/codelists", content).expect(200).json().at("/definition/version").asInt();
        admin().post("/api/metadata/codelists/behov/versions/" + v + "/publish", null).expect(200);
        String providerId = admin().post("/api/register/providers", Map.of("name", "Behovstestet AB",
                "orgNumber", orgNumber(), "regi", "egen")).expect(201).json().get("id").asString();
        Map<String, Object> unit = unit(providerId, "Behovsgården " + need);
        unit.put("needs", List.of(need));
        admin().post("/api/register/units", unit).expect(201);

        signInAs("admin", "/admin/codelists/behov");
        waitForText(By.tagName("h1"), "Kodlista: Behov");
        click(By.cssSelector("button[aria-label='Ta bort " + label + "']"));
        click(By.xpath("//button[normalize-space()='Publicera']"));
        waitForText(By.cssSelector(".error-summary"), "Värdet " + need + " används av verksamheten Behovsgården " + need
                + " (fältet /needs).");
        waitForText(By.id("in-use-hint"), "avmarkera Aktiv");
        check("admin-codelist-in-use");

        // Put the value back, not active: retired.
        int rows = driver.findElements(By.cssSelector("table tbody tr")).size();
        click(By.xpath("//button[normalize-space()='Lägg till värde']"));
        type(By.cssSelector("input[aria-label='Värde " + (rows + 1) + "']"), need);
        type(By.cssSelector("input[aria-label='Text " + (rows + 1) + "']"), label);
        click(By.cssSelector("input[type=checkbox][aria-label='Aktiv: " + label + "']"));
        click(By.xpath("//button[normalize-space()='Publicera']"));
        waitForText(By.cssSelector(".ok-message"), "är publicerad");
        check("admin-codelist-retired");
        JsonNode published = admin().get("/api/metadata/codelists/behov?status=published").expect(200).json();
        assertThat(published.get("content").toString()).contains("\"active\":false").contains(need);

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-admin-console.txt)").isEmpty();
    }

    @Test
    void aUnitGetsItsPermitPricesAndDocumentsInTheConsoleAndSaysWhyMatchingLeavesItOut() throws Exception {
        String tag = uid();
        admin().put("/api/register/framework-agreements/ra-hvb-" + tag, Map.of("id", "ra-hvb-" + tag,
                "name", "Ramavtal HVB " + tag, "placementForms", List.of("hvb-barn-unga"))).expect(200);
        admin().put("/api/register/framework-agreements/ra-fh-" + tag, Map.of("id", "ra-fh-" + tag,
                "name", "Ramavtal familjehem " + tag, "placementForms", List.of("familjehem"))).expect(200);

        // A provider with the organisation number typed without its dash; a wrong one is explained in Swedish.
        signInAs("admin", "/admin/register/providers/new");
        waitForText(By.tagName("h1"), "Ny utförare");
        String dashed = orgNumber();
        type(By.id("p-name"), "Strecklösa Omsorg " + tag);
        type(By.id("p-orgNumber"), "12345");
        click(By.cssSelector("label[for='p-regi']"));
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.id("p-orgNumber-error"), "Organisationsnumret ska ha tio siffror");
        check("admin-provider-orgnumber-error");
        type(By.id("p-orgNumber"), dashed.replace("-", ""));
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.cssSelector(".ok-message"), "Utföraren är skapad");
        waitForText(By.tagName("dl"), dashed);

        // A new unit: only the framework agreement that covers its placement form is offered.
        click(By.linkText("Ny enhet hos utföraren"));
        waitForText(By.tagName("h1"), "Ny enhet");
        waitFor(By.cssSelector("input[name='u-placementForms'][value='hvb-barn-unga']"));
        type(By.id("u-name"), "Tillståndsgården " + tag);
        type(By.id("u-locality"), "Umeå");
        click(By.cssSelector("input[name='u-targetGroups'][value='barn-unga']"));
        click(By.cssSelector("input[name='u-placementForms'][value='hvb-barn-unga']"));
        select(By.id("u-agreement-type"), "ramavtal");
        waitFor(By.cssSelector("#u-agreement-frameworkAgreementId option[value='ra-hvb-" + tag + "']"));
        assertThat(driver.findElements(By.cssSelector("#u-agreement-frameworkAgreementId option[value='ra-fh-" + tag + "']")))
                .as("an agreement for other placement forms is not offered").isEmpty();
        select(By.id("u-agreement-frameworkAgreementId"), "ra-hvb-" + tag);
        check("admin-unit-new-agreements");
        click(By.xpath("//button[normalize-space()='Skapa']"));
        waitForText(By.cssSelector(".ok-message"), "Enheten är skapad");
        // Matching leaves it out: no IVO permit for a placement form that needs one, and no price.
        waitForText(By.id("matching-exclusions"), "IVO-tillstånd saknas, så den visas inte vid sökning på");
        waitForText(By.id("matching-exclusions"), "Inget pris gäller i dag");
        check("admin-unit-excluded");
        String unitId = driver.getCurrentUrl().replaceAll(".*/register/units/([^?]+).*", "$1");

        // The permit and a level price, added in the console.
        click(By.linkText("Ändra"));
        waitForText(By.tagName("h1"), "Ändra Tillståndsgården");
        click(By.xpath("//button[normalize-space()='Lägg till IVO-tillstånd']"));
        type(By.id("u-ivoPermit-number"), "IVO-" + tag);
        assertThat(driver.findElement(By.cssSelector("input[name='u-ivoPermit-scope'][value='hvb-barn-unga']")).isSelected())
                .as("the permit starts with the unit's placement forms").isTrue();
        click(By.xpath("//button[normalize-space()='Lägg till prisperiod']"));
        select(By.id("u-prices-0-model"), "nivaer");
        type(By.id("u-prices-0-levels-1"), "2900");
        type(By.id("u-prices-0-levels-3"), "4100");
        check("admin-unit-edit-permit-levels");
        click(By.xpath("//button[normalize-space()='Spara']"));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "saved, but the page says: " + driver.findElement(By.tagName("main")).getText())
                .until(d -> d.findElement(By.cssSelector(".ok-message")).getText().contains("Sparat"));
        JsonNode saved = admin().get("/api/register/units/" + unitId).expect(200).json();
        assertThat(saved.at("/unit/ivoPermit/number").asString()).isEqualTo("IVO-" + tag);
        assertThat(saved.at("/unit/ivoPermit/scope/0").asString()).isEqualTo("hvb-barn-unga");
        assertThat(saved.at("/unit/prices/0/model").asString()).isEqualTo("nivaer");
        assertThat(saved.at("/unit/prices/0/levels/3").asInt()).isEqualTo(4100);
        assertThat(saved.get("matchingExclusions").size()).isZero();
        click(By.linkText("Tillbaka till verksamheten"));
        waitForText(By.tagName("h1"), "Tillståndsgården");
        waitForText(By.cssSelector("dl"), "IVO-" + tag);
        assertThat(driver.findElements(By.id("matching-exclusions"))).isEmpty();

        // The permit as PDF and a document: uploaded, listed, removed.
        Path pdf = Files.createTempFile("tillstand-", ".pdf");
        Files.write(pdf, se.placera.support.TestPdfs.plain("webbtest")); // a real PDF: uploads are checked by content
        driver.findElement(By.id("f-ivo-file")).sendKeys(pdf.toAbsolutePath().toString());
        click(By.xpath("//form[.//input[@id='f-ivo-file']]//button[normalize-space()='Ladda upp']"));
        waitForText(By.id("unit-files"), "Öppna tillståndet (PDF)");
        driver.findElement(By.id("f-doc-file")).sendKeys(pdf.toAbsolutePath().toString());
        click(By.xpath("//form[.//input[@id='f-doc-file']]//button[normalize-space()='Ladda upp']"));
        waitForText(By.cssSelector(".document-list"), pdf.getFileName().toString());
        check("admin-unit-documents");
        JsonNode withFiles = admin().get("/api/register/units/" + unitId).expect(200).json().get("unit");
        assertThat(withFiles.at("/ivoPermit/documentId").asString()).isNotBlank();
        assertThat(withFiles.get("documents").size()).isEqualTo(1);
        click(By.xpath("//button[normalize-space()='Ta bort " + pdf.getFileName() + "']"));
        waitForText(By.id("unit-files"), "Borttaget: " + pdf.getFileName());
        assertThat(driver.findElements(By.cssSelector(".document-list"))).isEmpty();
        Files.delete(pdf);

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-admin-console.txt)").isEmpty();
    }

    @Test
    void eachRoleSeesOnlyWhatItMayUse() throws Exception {
        // The caseworker reads metadata and the register, but has no designer or create buttons.
        signInAs("handlaggare", "/admin/");
        waitForText(By.tagName("h1"), "Metadata");
        waitFor(By.cssSelector("tbody tr"));
        String nav = driver.findElement(By.tagName("nav")).getText();
        assertThat(nav).contains("Metadata", "Metodkatalog", "Utförarregister")
                .doesNotContain("Ny metod", "Import och export", "Automatiska svar", "Användare");
        assertThat(driver.findElements(By.linkText("Ny metod"))).isEmpty();
        assertThat(driver.findElements(By.linkText("Öppna"))).isEmpty();
        check("admin-caseworker-metadata");
        click(By.xpath("//nav//a[normalize-space()='Utförarregister']"));
        waitForText(By.tagName("h1"), "Utförarregister");
        assertThat(driver.findElements(By.linkText("Ny utförare"))).isEmpty();
        assertThat(driver.findElements(By.linkText("Ny enhet"))).isEmpty();
        assertThat(driver.findElements(By.id("reg-file"))).isEmpty();
        check("admin-caseworker-register");
        open("/admin/methods/new");
        waitForText(By.tagName("h1"), "Du saknar behörighet till sidan");
        waitForText(By.cssSelector("[role=alert]"), "utforma metoder");
        check("admin-caseworker-no-designer");
        open("/admin/register/units/new");
        waitForText(By.cssSelector("[role=alert]"), "ändra i utförarregistret");

        // The reader starts in the register (it has no metadata to read), without create buttons.
        signInAs("lasare", "/admin/");
        waitForText(By.tagName("h1"), "Utförarregister");
        assertThat(driver.findElement(By.tagName("nav")).getText()).doesNotContain("Metadata", "Ny metod");
        assertThat(driver.findElements(By.linkText("Ny utförare"))).isEmpty();
        check("admin-reader");

        // A user with nothing in the console is told what to do instead and whom to ask.
        Api admin = admin();
        JsonNode reader = null;
        for (JsonNode u : admin.get("/api/users").expect(200).json()) {
            if ("lasare".equals(u.get("username").asString())) {
                reader = u;
            }
        }
        assertThat(reader).isNotNull();
        String id = reader.get("id").asString();
        Map<String, Object> permissions = Api.mapper().convertValue(reader.get("permissions"), Map.class);
        try {
            put(admin, reader, Map.of("FOLLOW_UP", "READ"));
            signInAs("lasare", "/admin/");
            waitForText(By.tagName("h1"), "Här finns inget för dig att göra");
            waitForText(By.tagName("main"), "Be administratören för din förvaltning");
            assertThat(driver.findElement(By.linkText("Gå till Placera")).getAttribute("href")).endsWith("/app/");
            assertThat(driver.findElement(By.tagName("nav")).getText()).doesNotContain("Metadata", "Utförarregister");
            check("admin-nothing-to-do");
        } finally {
            put(admin, admin.get("/api/users/" + id).expect(200).json(), permissions);
        }

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-admin-console.txt)").isEmpty();
    }

    @Test
    void noPageScrollsSidewaysAt390Pixels() throws Exception {
        String providerId = admin().post("/api/register/providers", Map.of("name", "Smala skärmens AB",
                "orgNumber", orgNumber(), "regi", "extern")).expect(201).json().get("id").asString();
        Map<String, Object> unit = unit(providerId, "Smalgården med ett mycket långt namn som inte får tränga ut sidan");
        unit.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "nivaer",
                "levels", Map.of("1", 2000, "2", 2500, "3", 3000, "4", 3500, "5", 4000))));
        String unitId = admin().post("/api/register/units", unit).expect(201).json().at("/unit/id").asString();
        List<String> pages = List.of("/admin/", "/admin/methods/new", "/admin/methods/vuxna-missbruk-uppfoljning",
                "/admin/methods/vuxna-missbruk-uppfoljning/versions", "/admin/katalog", "/admin/bundle",
                "/admin/presets", "/admin/codelists/behov", "/admin/register", "/admin/register/providers/new",
                "/admin/register/providers/" + providerId, "/admin/register/units/new", "/admin/register/units/" + unitId,
                "/admin/register/units/" + unitId + "/edit", "/admin/anvandare", "/admin/anvandare/ny",
                "/admin/anvandning", "/admin/logg");
        signInAs("admin", "/admin/");
        waitForText(By.tagName("h1"), "Metadata");
        driver.manage().window().setSize(new Dimension(390, 844));
        List<String> wide = new ArrayList<>();
        try {
            for (String page : pages) {
                open(page);
                waitFor(By.tagName("h1"));
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                        By.xpath("//*[normalize-space()='Laddar …']")).isEmpty());
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (((Number) overflow).intValue() > 0) {
                    wide.add(page + " (" + overflow + " px: " + ((JavascriptExecutor) driver).executeScript(WIDEST) + ")");
                }
            }
            open("/admin/register/units/" + unitId + "/edit");
            waitForText(By.tagName("h1"), "Ändra");
            check("admin-390-unit-edit");
            open("/admin/register");
            waitFor(By.cssSelector(".register-list tbody tr"));
            check("admin-390-register");
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 1000));
        }
        assertThat(wide).as("pages wider than a 390 px screen").isEmpty();
        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-admin-console.txt)").isEmpty();
    }

    /** The elements that reach past the right edge of the window (outside a scrolling box), for the message. */
    static final String WIDEST = """
            const w = document.documentElement.clientWidth;
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > w + 0.5 && !el.parentElement.closest('.table-scroll')) {
                out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                    + ' ' + Math.round(r.right));
              }
            }
            return out.slice(-4).join(', ');
            """;

    private static void put(Api admin, JsonNode user, Map<String, ?> permissions) {
        Map<String, Object> body = new HashMap<>();
        for (String f : List.of("firstName", "lastName", "email", "phone", "jobRole", "team")) {
            if (user.hasNonNull(f)) {
                body.put(f, user.get(f).asString());
            }
        }
        body.put("administrations", Api.mapper().convertValue(user.get("administrations"), List.class));
        body.put("permissions", permissions);
        body.put("methodPermissions", user.hasNonNull("methodPermissions")
                ? Api.mapper().convertValue(user.get("methodPermissions"), Map.class) : Map.of());
        body.put("revision", user.get("revision").asLong());
        admin.put("/api/users/" + user.get("id").asString(), body).expect(200);
    }

    private static String orgNumber() {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L;
        String digits = String.format("%010d", n);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    private static Map<String, Object> unit(String providerId, String name) {
        Map<String, Object> u = new HashMap<>();
        u.put("providerId", providerId);
        u.put("name", name);
        u.put("locality", "Umeå");
        u.put("targetGroups", List.of("barn-unga"));
        u.put("placementForms", List.of("hvb-barn-unga"));
        return u;
    }
}
