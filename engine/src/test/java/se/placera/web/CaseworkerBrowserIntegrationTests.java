package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * Issue #12 in Debian's Chromium, axe-core clean on every new page state: dialog mode must not carry the
 * client's words into the caseworker's note, and a save that fails after the session ended says so next to the
 * save buttons and, after signing in again in place, saves what was typed.
 */
@AppIntegrationTest
class CaseworkerBrowserIntegrationTests extends BrowserTestSupport {

    static final String METHOD = "vuxna-missbruk-uppfoljning";

    @Override
    String axeReportFile() {
        return "axe-report-caseworker.txt";
    }

    String startAsClient() {
        return Api.at(port).asCaseworker().post("/api/responses", Map.of("methodId", METHOD,
                "respondentRole", "client", "subject", Map.of("type", "client", "id", "K-4711")))
                .expect(201).json().get("responseId").asString();
    }

    JsonNode answers(String id) {
        return Api.at(port).asCaseworker().get("/api/responses/" + id).expect(200).json().get("answers");
    }

    @Test
    void dialogModeDoesNotCarryTheClientsWordsIntoTheNextQuestion() throws Exception {
        String id = startAsClient();
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        open("/app/responses/" + id + "/dialog");
        waitFor(By.cssSelector(".dialog-card"));
        // Step forward to the client's comment (conditional questions are skipped by the server's state).
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            if (!d.findElements(By.id("q-kommentar")).isEmpty()) {
                return true;
            }
            d.findElements(By.xpath("//button[normalize-space()='Nästa']")).forEach(WebElement::click);
            return false;
        });
        String words = "Jag vill att ni ringer innan ni kommer hem till mig.";
        type(By.id("q-kommentar"), words);
        click(By.xpath("//button[normalize-space()='Nästa']"));
        WebElement note = waitFor(By.id("q-handlaggarensAnteckning"));
        assertThat(note.getAttribute("value")).isEmpty();
        check("dialog-next-question");
        copyToDocs("dialog-next-question", "dialog-mode.png");
        // Leaving the untouched note saves nothing into it.
        click(By.xpath("//button[normalize-space()='Föregående']"));
        waitFor(By.id("q-kommentar"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> answers(id).has("kommentar"));
        JsonNode stored = answers(id);
        assertThat(stored.get("kommentar").asString()).isEqualTo(words);
        assertThat(stored.has("handlaggarensAnteckning")).isFalse();
        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report-caseworker.txt)")
                .isEmpty();
    }

    @Test
    void aSaveAfterTheSessionEndedSaysSoAndSavesAfterSigningInAgain() throws Exception {
        String id = startAsClient();
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        open("/app/responses/" + id);
        click(By.id("layout-sections"));
        WebElement note = waitFor(By.id("q-handlaggarensAnteckning"));

        // Signed out in another tab.
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').substring(11);
                fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin',
                  headers: { 'X-XSRF-TOKEN': decodeURIComponent(token), 'X-Requested-With': 'XMLHttpRequest' } })
                  .then(() => done(), () => done());
                """);
        String text = "Samtalet hölls med tolk per telefon.";
        type(note, text);
        click(By.xpath("//button[normalize-space()='Spara utkast']"));
        waitForText(By.cssSelector(".save-problem"), "Utkastet kunde inte sparas.");
        assertThat(driver.findElement(By.cssSelector(".save-status")).getText()).doesNotContain("sparat");
        assertThat(driver.findElement(By.id("q-handlaggarensAnteckning")).getAttribute("value")).isEqualTo(text);
        check("save-failed");

        click(By.xpath("//button[normalize-space()='Logga in igen och spara']"));
        type(By.id("again-username"), "handlaggare");
        type(By.id("again-password"), "placera-demo");
        check("sign-in-again");
        click(By.xpath("//button[normalize-space()='Logga in och spara']"));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector(".save-problem")).isEmpty());
        assertThat(answers(id).get("handlaggarensAnteckning").asString()).isEqualTo(text);
        click(By.xpath("//button[normalize-space()='Spara utkast']"));
        waitForText(By.cssSelector(".save-status"), "Utkastet är sparat");
        check("saved-after-sign-in");
        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report-caseworker.txt)")
                .isEmpty();
    }
}
