package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * Item 11 of issue 12 in the admin console: audit events read as Swedish names with the changed fields before and
 * after (no JSON or Java map dumps), and a bundle import's result as a Swedish summary with its errors placed in
 * the bundle. axe-core runs on every page state; the test fails on any violation.
 */
@AppIntegrationTest
class AuditAndImportBrowserIntegrationTests extends BrowserTestSupport {

    @Override
    String axeReportFile() {
        return "axe-report-audit-import.txt";
    }

    @Test
    void auditEventsAndTheBundleImportResultReadAsSwedish() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String digits = String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L);
        String providerId = admin.post("/api/register/providers", Map.of("name", "Loggen AB " + suffix,
                "orgNumber", digits.substring(0, 6) + "-" + digits.substring(6), "regi", "extern")).expect(201)
                .json().get("id").asString();
        Map<String, Object> unit = new HashMap<>();
        unit.put("providerId", providerId);
        unit.put("name", "Loggens HVB " + suffix);
        unit.put("municipality", "Uppsala");
        unit.put("locality", "Uppsala");
        unit.put("targetGroups", List.of("barn-unga"));
        unit.put("placementForms", List.of("hvb-barn-unga"));
        unit.put("places", 8);
        unit.put("vacancies", 2);
        String unitId = admin.post("/api/register/units", unit).expect(201).json().at("/unit/id").asString();
        unit.put("vacancies", 5);
        unit.put("version", 1);
        admin.put("/api/register/units/" + unitId, unit).expect(200);

        // --- The audit log: Swedish event names and the changed fields ---
        open("/admin/logg");
        login("admin");
        waitForText(By.tagName("h1"), "Granskningslogg");
        waitForText(By.id("audit-count"), "händelser");
        type(By.id("audit-subjectId"), unitId);
        click(By.xpath("//button[normalize-space()='Sök']"));
        waitForText(By.id("audit-table"), "Verksamhet ändrad (unit.update)");
        String table = driver.findElement(By.id("audit-table")).getText();
        assertThat(table).contains("Verksamhet skapad (unit.create)");
        List<WebElement> rows = driver.findElements(By.cssSelector("#audit-table tbody tr"));
        String update = rows.getFirst().findElement(By.cssSelector("td:last-child")).getText();
        assertThat(update).containsPattern("(?s)Lediga platser: 2\\s*→.*5").doesNotContainPattern("\\d{2}T\\d{2}:");
        String created = rows.getLast().findElement(By.cssSelector("td:last-child")).getText();
        assertThat(created).contains("Namn: Loggens HVB " + suffix).contains("Målgrupper: barn-unga");
        for (WebElement row : rows) {
            assertThat(row.findElement(By.cssSelector("td:last-child")).getText()).doesNotContain("{", "}", "=");
        }
        check("admin-audit-changes");
        copyToDocs("admin-audit-changes", "admin-audit-changes.png");

        // --- A bundle checked, then imported: a Swedish summary of what it does ---
        String listId = "e2e-lista-" + suffix;
        Path good = Files.createTempFile("bundle-", ".json");
        Files.writeString(good, """
                {"format": "placera-bundle/1", "definitions": [{"kind": "codelist", "status": "published",
                 "content": {"kind": "codelist", "id": "%s", "title": "E2E-lista",
                  "items": [{"value": "a", "label": "A"}]}}]}
                """.formatted(listId));
        open("/admin/bundle");
        waitForText(By.tagName("h1"), "Import och export");
        driver.findElement(By.id("bundle-file")).sendKeys(good.toAbsolutePath().toString());
        click(By.xpath("//button[normalize-space()='Kontrollera']"));
        waitForText(By.id("import-summary"), "Kontrollen gick igenom");
        assertThat(driver.findElement(By.id("report-title")).getText()).isEqualTo("Resultat av kontrollen");
        assertThat(driver.findElement(By.id("import-created")).getText())
                .isEqualTo("Kodlista " + listId + ", version 1 (publicerad)");
        assertThat(driver.findElement(By.id("import-report")).getText()).doesNotContain("{", "\"");
        check("admin-bundle-checked");
        copyToDocs("admin-bundle-checked", "admin-bundle-import.png");

        click(By.xpath("//button[normalize-space()='Importera']"));
        waitForText(By.id("import-summary"), "Importen är klar: 1 nya versioner");
        assertThat(driver.findElement(By.id("report-title")).getText()).isEqualTo("Resultat av importen");
        check("admin-bundle-imported");

        // --- A bundle with errors: each placed in the bundle, in Swedish; nothing imported ---
        Path bad = Files.createTempFile("bundle-", ".json");
        Files.writeString(bad, """
                {"format": "placera-bundle/1", "definitions": [
                 {"kind": "codelist", "content": {"kind": "codelist", "id": "%s", "title": "Trasig"}},
                 {"kind": "rymdskepp", "content": {"kind": "rymdskepp", "id": "apollo"}}]}
                """.formatted("e2e-trasig-" + suffix));
        driver.findElement(By.id("bundle-file")).sendKeys(bad.toAbsolutePath().toString());
        click(By.xpath("//button[normalize-space()='Kontrollera']"));
        waitForText(By.id("import-summary"), "Bunten kan inte importeras");
        String errors = driver.findElement(By.id("import-errors")).getText();
        assertThat(errors).contains("Post 2 (rymdskepp apollo), fält kind: Okänd sort av definition.")
                .contains("Post 1 (Kodlista e2e-trasig-" + suffix + "), fält items: Uppgiften saknas.");
        check("admin-bundle-check-errors");

        click(By.xpath("//button[normalize-space()='Importera']"));
        waitForText(By.id("import-summary"), "Inget importerades: bunten har");
        assertThat(driver.findElement(By.id("import-errors")).getText()).contains("Post 2 (rymdskepp apollo)");
        check("admin-bundle-import-errors");
        assertThat(admin.get("/api/metadata/codelists/e2e-trasig-" + suffix).status()).isEqualTo(404);

        assertThat(allViolations).as("axe-core violations (see target/screenshots/axe-report-audit-import.txt)")
                .isEmpty();
    }
}
