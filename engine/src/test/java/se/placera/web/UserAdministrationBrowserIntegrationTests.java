package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * The administration pages end to end in Debian's Chromium (US-1–US-4, US-6, PA-11): a caseworker is refused;
 * the administrator creates a user with permissions (server field errors first, at the field and in the error
 * summary), the invitation lands in the mail outbox and the user activates with its link; the administrator edits
 * the user (a concurrent change through the API gives 409 and a reload), deactivates it, filters the list, opens
 * the usage report of the current month and downloads the Excel file, searches the audit log and finds the events
 * of all this, pages through it and checks the log's integrity. axe-core runs on every page state and the test
 * fails on any violation; screenshots go to target/screenshots/, three are copied to docs/screenshots/.
 */
@AppIntegrationTest
class UserAdministrationBrowserIntegrationTests extends BrowserTestSupport {

    static final String PASSWORD = "Blå-Cykel-Vid-Sjön-42";

    @Autowired
    MongoTemplate mongo;

    @Override
    String axeReportFile() {
        return "axe-report-users.txt";
    }

    @Test
    void administratorManagesAUserReadsUsageAndAuditsWhatHappened() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@exempelkommun.se";

        // --- A caseworker does not get the pages (the server refuses the API calls too) ---
        open("/admin/anvandare");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Ingen behörighet");
        assertThat(driver.findElements(By.linkText("Användare"))).isEmpty();
        assertThat(Api.at(port).asCaseworker().get("/api/users").status()).isEqualTo(403);
        check("admin-users-refused");
        click(By.xpath("//button[normalize-space()='Logga ut']"));
        waitFor(By.id("username"));

        // --- The administrator opens the user list ---
        login("admin");
        waitForText(By.tagName("h1"), "Användare");
        waitForText(By.cssSelector("table"), "anna.admin@exempelkommun.se");
        check("admin-users");

        // --- Creates a user: first with mistakes the server finds ---
        click(By.linkText("Ny användare"));
        waitForText(By.tagName("h1"), "Ny användare");
        type(By.id("user-username"), username);
        type(By.id("user-firstName"), "Eva");
        type(By.id("user-lastName"), "Testsson");
        type(By.id("user-email"), "inte-en-adress");
        click(By.xpath("//button[normalize-space()='Skapa och skicka inbjudan']"));
        waitForText(By.cssSelector(".error-summary"), "Det finns fel att rätta");
        waitForText(By.id("user-email-error"), "Fel:");
        assertThat(driver.findElement(By.id("user-email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("user-email")).getAttribute("aria-describedby")).contains("user-email-error");
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Förvaltningar");
        check("admin-user-errors");
        click(By.xpath("//div[contains(@class,'error-summary')]//a[starts-with(normalize-space(),'E-post')]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "user-email".equals(d.switchTo().activeElement().getAttribute("id")));

        // … then right: administration, team, a permission per module and one per method.
        type(By.id("user-email"), email);
        type(By.id("user-phone"), "010-100 00 99");
        type(By.id("user-jobRole"), "Socialsekreterare");
        click(By.cssSelector("label[for='user-administrations']"));
        waitFor(By.cssSelector("#user-team option[value='Vuxen – missbruk']"));
        select(By.id("user-team"), "Vuxen – missbruk");
        select(By.id("user-permissions-FOLLOW_UP"), "WRITE");
        select(By.id("user-permissions-REPORTS"), "READ");
        click(By.xpath("//button[normalize-space()='Lägg till behörighet för en metod']"));
        waitFor(By.cssSelector("#user-method-0-id option:nth-child(2)"));
        new Select(driver.findElement(By.id("user-method-0-id"))).selectByIndex(1);
        String methodId = new Select(driver.findElement(By.id("user-method-0-id"))).getFirstSelectedOption()
                .getAttribute("value");
        select(By.id("user-method-0-level"), "READ");
        check("admin-user-new");
        click(By.xpath("//button[normalize-space()='Skapa och skicka inbjudan']"));
        waitForText(By.cssSelector(".ok-message"), "Användaren är skapad");
        waitForText(By.tagName("h1"), "Eva Testsson");
        String id = driver.getCurrentUrl().replaceAll(".*/anvandare/([^/?]+).*", "$1");
        JsonNode created = admin.get("/api/users/" + id).expect(200).json();
        assertThat(created.get("username").asString()).isEqualTo(username);
        assertThat(created.get("administrations").get(0).asString()).isEqualTo("exempelkommun-sof");
        assertThat(created.get("team").asString()).isEqualTo("Vuxen – missbruk");
        assertThat(created.get("permissions").get("FOLLOW_UP").asString()).isEqualTo("WRITE");
        assertThat(created.get("permissions").get("REPORTS").asString()).isEqualTo("READ");
        assertThat(created.get("permissions").has("ADMIN_CONSOLE")).isFalse();
        assertThat(created.get("methodPermissions").get(methodId).asString()).isEqualTo("READ");
        waitForText(By.cssSelector(".toolbar"), "Inbjuden, inte aktiverad än");
        check("admin-user-created");

        // The invitation waits in the mail outbox (no SMTP in this test): it tells the rights and carries the
        // activation link, which the new user follows.
        String mail = awaitMail(email, "Välkommen till Placera");
        assertThat(mail).contains(username).contains("FOLLOW_UP: WRITE").contains("Metod " + methodId + ": READ");
        Matcher token = Pattern.compile("/activate\\?token=([A-Za-z0-9_-]+)").matcher(mail);
        assertThat(token.find()).as("activation link in the invitation").isTrue();
        Api.at(port).post("/api/auth/activate", Map.of("token", token.group(1), "password", PASSWORD)).expect(204);
        driver.navigate().refresh();
        waitForText(By.cssSelector(".toolbar"), "Användarnamn och lösenord");
        waitForText(By.id("user-history"), "Historik");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Aktiverad (lösenord valt)");

        // --- Edits the user; someone else changed it meanwhile (409), so reloads and saves again ---
        admin.put("/api/users/" + id, Map.of("firstName", "Eva", "lastName", "Testsson", "email", email,
                "phone", "010-100 00 98", "administrations", List.of("exempelkommun-sof"),
                "team", "Vuxen – missbruk", "permissions", Map.of("FOLLOW_UP", "WRITE", "REPORTS", "READ"),
                "methodPermissions", Map.of(methodId, "READ"),
                "revision", admin.get("/api/users/" + id).expect(200).json().get("revision").asLong())).expect(200);
        type(By.id("user-jobRole"), "Samordnare");
        click(By.xpath("//button[normalize-space()='Spara']"));
        waitForText(By.cssSelector(".error-summary"), "Någon annan har ändrat användaren");
        check("admin-user-conflict");
        click(By.xpath("//button[normalize-space()='Läs in senaste versionen']"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "010-100 00 98".equals(d.findElement(By.id("user-phone")).getAttribute("value")));
        type(By.id("user-jobRole"), "Samordnare");
        select(By.id("user-permissions-REPORTS"), "WRITE");
        click(By.xpath("//button[normalize-space()='Spara']"));
        waitForText(By.cssSelector(".ok-message"), "Ändringarna är sparade");
        JsonNode edited = admin.get("/api/users/" + id).expect(200).json();
        assertThat(edited.get("jobRole").asString()).isEqualTo("Samordnare");
        assertThat(edited.get("permissions").get("REPORTS").asString()).isEqualTo("WRITE");
        assertThat(edited.get("phone").asString()).isEqualTo("010-100 00 98");
        check("admin-user-saved");
        copyToDocs("admin-user-saved", "admin-user.png");

        // --- Deactivates the user ---
        click(By.xpath("//button[normalize-space()='Avsluta kontot']"));
        waitForText(By.cssSelector(".ok-message"), "Kontot är avslutat");
        waitFor(By.xpath("//button[normalize-space()='Återaktivera kontot']"));
        assertThat(admin.get("/api/users/" + id).json().get("active").asBoolean()).isFalse();
        assertThat(Api.at(port).as(username, PASSWORD).get("/api/auth/me").status()).isEqualTo(401);
        check("admin-user-deactivated");

        // --- The list, filtered by text and status ---
        click(By.linkText("Tillbaka till användarna"));
        waitForText(By.tagName("h1"), "Användare");
        type(By.id("users-q"), username);
        waitForText(By.id("users-count"), "Visar 1 av");
        assertThat(driver.findElement(By.cssSelector("tbody tr")).getText()).contains("Avslutad")
                .contains("Användarnamn och lösenord").contains("Samordnare").contains("Socialförvaltningen");
        select(By.id("users-status"), "active");
        waitForText(By.id("users-count"), "Visar 0 av");
        select(By.id("users-status"), "deactivated");
        waitForText(By.id("users-count"), "Visar 1 av");
        check("admin-users-filtered");

        // --- The usage report of the current month, and its Excel file ---
        Path downloads = Files.createTempDirectory("placera-downloads-");
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        click(By.linkText("Användningsrapport"));
        waitForText(By.tagName("h1"), "Användningsrapport");
        LocalDate today = LocalDate.now(java.time.ZoneId.systemDefault());
        assertThat(driver.findElement(By.id("usage-from")).getAttribute("value"))
                .isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(driver.findElement(By.id("usage-to")).getAttribute("value"))
                .isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).toString());
        waitFor(By.cssSelector("#usage-logins caption"));
        assertThat(driver.findElement(By.cssSelector("#usage-logins caption")).getText())
                .contains("Inloggningar per användare");
        assertThat(driver.findElements(By.cssSelector("#usage-logins th[scope=col]"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.xpath("//table[@id='usage-logins']//th[@scope='row'][normalize-space()='admin']")))
                .isNotNull();
        check("admin-usage");
        copyToDocs("admin-usage", "admin-usage.png");
        click(By.xpath("//button[normalize-space()='Ladda ner som Excel']"));
        waitForText(By.cssSelector(".ok-message"), "Excelfilen är nedladdad");
        Path xlsx = awaitDownload(downloads);
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');

        // Meanwhile, elsewhere: failed sign-ins of unknown names, so that the log has more than one page.
        for (int i = 0; i < 30; i++) {
            assertThat(Api.at(port).as(username + "-okand-" + i, "fel").get("/api/auth/me").status()).isEqualTo(401);
        }

        // --- The audit log: the events of all this, newest first ---
        click(By.linkText("Granskningslogg"));
        waitForText(By.tagName("h1"), "Granskningslogg");
        waitForText(By.id("audit-count"), "händelser");
        type(By.id("audit-subjectId"), id);
        click(By.xpath("//button[normalize-space()='Sök']"));
        waitForText(By.id("audit-table"), "Konto avslutat (user.deactivate)");
        String events = driver.findElement(By.id("audit-table")).getText();
        assertThat(events).contains("Användare skapad (user.create)").contains("Inbjudan skickad (user.invite)")
                .contains("Konto aktiverat (user.activate)").contains("Användare ändrad (user.update)");
        List<Long> seqs = seqs();
        assertThat(seqs).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(driver.findElements(By.cssSelector("#audit-table tbody tr")).getLast().getText()).contains("user.create");
        check("admin-audit-user");

        click(By.xpath("//button[normalize-space()='Rensa']"));
        type(By.id("audit-actor"), "admin");
        type(By.id("audit-action"), "usage.*");
        click(By.xpath("//button[normalize-space()='Sök']"));
        waitForText(By.id("audit-table"), "Användningsrapport exporterad (usage.export)");

        // Paging through everything: 25 a page, the total from X-Total-Count.
        click(By.xpath("//button[normalize-space()='Rensa']"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("#audit-table tbody tr")).size() == 25);
        waitForText(By.id("audit-count"), "Sida 1 av");
        long firstSeq = seqs().getFirst();
        click(By.xpath("//button[normalize-space()='Äldre händelser']"));
        waitForText(By.id("audit-count"), "Sida 2 av");
        assertThat(seqs().getFirst()).isLessThan(firstSeq);
        check("admin-audit-page2");

        // --- The integrity check ---
        click(By.xpath("//button[normalize-space()='Kontrollera loggens integritet']"));
        waitForText(By.id("audit-verification"), "Loggen är oförändrad");
        check("admin-audit-verified");
        copyToDocs("admin-audit-verified", "admin-audit.png");

        assertThat(allViolations).as("axe-core violations of any impact (see target/screenshots/axe-report-users.txt)")
                .isEmpty();
    }

    /** The audit log's sequence numbers as the table shows them (column Nr). */
    private List<Long> seqs() {
        return driver.findElements(By.cssSelector("#audit-table tbody tr td:first-child")).stream()
                .map(e -> Long.parseLong(e.getText().trim())).toList();
    }

    /** The body of the newest outbox mail to {@code to} whose subject contains {@code subject}. */
    private String awaitMail(String to, String subject) {
        var found = new String[1];
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "a mail '" + subject + "' to " + to)
                .until(d -> {
                    Document m = mongo.findOne(Query.query(Criteria.where("to").is(to).and("subject").regex(
                            Pattern.quote(subject))), Document.class, "mail_outbox");
                    found[0] = m == null ? null : m.getString("body");
                    return found[0] != null;
                });
        return found[0];
    }

    private static Path awaitDownload(Path dir) {
        var found = new Path[1];
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "an .xlsx file in " + dir).until(d -> {
            try (Stream<Path> files = Files.list(dir)) {
                found[0] = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
                return found[0] != null && Files.size(found[0]) > 0;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return found[0];
    }
}
