package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * Issue #13, items 6, 8, 9 in Debian's Chromium, axe-core clean on every new page state: a caseworker raises a case
 * (a personal number with a wrong check digit is refused in Swedish first), reveals the number, adds a note and
 * corrects it, takes a transition, reads the event log filtered and searched, and moves the case to another
 * caseworker, who sees it with its notes and its task in "Mina arbetsuppgifter".
 */
@AppIntegrationTest
class CaseBrowserIntegrationTests extends BrowserTestSupport {

    static final String OTHER = "handlaggare-tva";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PasswordEncoder encoder;

    @Override
    String axeReportFile() {
        return "axe-report-cases.txt";
    }

    /** A second caseworker of the same administration, signed in with the demo password. */
    void secondCaseworker() {
        caseworkerWithDemoPassword(mongo, encoder, OTHER, "Tove", "Tvåan");
    }

    @Test
    void aCaseIsRaisedNotedMovedOnAndTransferredToAnotherCaseworker() throws Exception {
        secondCaseworker();
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        waitFor(By.id("case-tasks-title"));
        check("tasks-with-case-tasks");

        click(By.xpath("//nav//a[normalize-space()='Mina ärenden']"));
        waitForText(By.tagName("h1"), "Mina ärenden");
        check("cases-list");
        click(By.xpath("//a[normalize-space()='Upprätta ärende']"));
        waitForText(By.tagName("h1"), "Upprätta placeringsärende");
        waitFor(By.xpath("//select[@id='case-target-group']/option[@value='barn-unga']"));
        check("case-new");

        // A wrong check digit: refused with the reason in Swedish, next to the field.
        type(By.id("case-pnr"), "19121212-1213");
        select(By.id("case-target-group"), "barn-unga");
        click(By.xpath("//button[normalize-space()='Upprätta ärendet']"));
        waitForText(By.id("case-pnr-error"), "Kontrollsiffran stämmer inte");
        WebElement pnr = driver.findElement(By.id("case-pnr"));
        assertThat(pnr.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(pnr.getAttribute("aria-describedby")).contains("case-pnr-error");
        check("case-new-error");

        // The placement forms are narrowed to the target group.
        List<String> forms = new Select(driver.findElement(By.id("case-placement-form"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(forms).contains("hvb-barn-unga", "familjehem").doesNotContain("hvb-vuxna", "lvm-hem");
        type(By.id("case-pnr"), "19121212-1212");
        type(By.id("case-name"), "Webb Testsson");
        select(By.id("case-placement-form"), "hvb-barn-unga");
        select(By.id("case-legal-basis"), "lvu-2");
        click(By.id("case-need-npf"));
        click(By.xpath("//button[normalize-space()='Upprätta ärendet']"));
        waitForText(By.tagName("h1"), "Webb Testsson");
        waitForText(By.tagName("h1"), "Utkast");
        String caseId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
        waitForText(By.id("facts-title"), "Uppgifter");
        assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("19121212-XXXX")
                .doesNotContain("1212-1212");
        check("case-view");

        click(By.xpath("//button[normalize-space()='Visa personnummer']"));
        waitForText(By.cssSelector(".facts"), "19121212-1212");

        // A note, then its correction: the first stays as it was, marked corrected.
        type(By.id("note-text"), "Första samtalet med vårdnadshavare på tisdag.");
        click(By.xpath("//button[normalize-space()='Spara anteckningen']"));
        waitForText(By.cssSelector(".note-list"), "Första samtalet med vårdnadshavare på tisdag.");
        click(By.xpath("//button[normalize-space()='Rätta']"));
        type(By.id("note-text"), "Rättelse: samtalet var på onsdag.");
        click(By.xpath("//button[normalize-space()='Spara anteckningen']"));
        waitForText(By.cssSelector(".note-list"), "Rättelse: samtalet var på onsdag.");
        waitForText(By.cssSelector(".note-list"), "Rättad – se rättelsen.");
        assertThat(driver.findElement(By.cssSelector(".note-list")).getText())
                .contains("Första samtalet med vårdnadshavare på tisdag.");
        check("case-notes");

        // A transition the process allows, as a button; the state changes.
        click(By.xpath("//ul[@class='action-list']//button[normalize-space()='Skicka förfrågan']"));
        waitForText(By.tagName("h1"), "Förfrågan skickad");
        waitForText(By.cssSelector("[role=status].ok-message"), "Skicka förfrågan");
        // Choosing a provider records the placement: not a plain button, a pointer to the inquiries.
        assertThat(driver.findElements(By.xpath("//ul[@class='action-list']//button[normalize-space()='Välj utförare']")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("ul.action-list")).getText())
                .contains("Välj utförare: välj ett av utförarnas svar under Förfrågningar.");
        assertThat(driver.findElement(By.xpath("//ul[@class='action-list']//a")).getAttribute("href"))
                .endsWith("#inquiries-title");
        check("case-transition");

        // The event log: filtered to notes, then searched.
        select(By.id("events-kind"), "note");
        click(By.xpath("//form[@role='search']//button"));
        waitForText(By.xpath("//section[@aria-labelledby='events-title']//p[@role='status']"), "2 händelser");
        type(By.id("events-q"), "onsdag");
        click(By.xpath("//form[@role='search']//button"));
        waitForText(By.xpath("//section[@aria-labelledby='events-title']//p[@role='status']"), "1 händelser");
        check("case-events");

        // A wrong user name is refused in Swedish; then the case moves to the other caseworker.
        type(By.id("transfer-to"), "omsorg");
        click(By.xpath("//button[normalize-space()='Flytta ärendet']"));
        waitForText(By.id("transfer-to-error"), "Det finns ingen aktiv användare");
        check("case-transfer-error");
        type(By.id("transfer-to"), OTHER);
        type(By.id("transfer-reason"), "Ny handläggare i teamet");
        click(By.xpath("//button[normalize-space()='Flytta ärendet']"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("Ärendet finns inte")
                || d.getPageSource().contains("Ärendet är flyttat"));

        // The other caseworker sees it, with its notes and its task.
        openSignedOut("/app/");
        login(OTHER);
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        waitForText(By.xpath("//section[@aria-labelledby='case-tasks-title']"), "Webb Testsson");
        click(By.xpath("//nav//a[normalize-space()='Mina ärenden']"));
        click(By.xpath("//a[normalize-space()='Webb Testsson']"));
        waitForText(By.tagName("h1"), "Webb Testsson");
        waitForText(By.cssSelector(".note-list"), "Rättelse: samtalet var på onsdag.");
        assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains(OTHER);
        assertThat(driver.getPageSource()).contains("Ny handläggare i teamet");
        check("case-transferred");
        copyToDocs("case-transferred", "case-view.png");

        click(By.xpath("//nav//a[normalize-space()='Mina beslut']"));
        waitForText(By.tagName("h1"), "Mina beslut");
        waitForText(By.id("pending-title"), "Väntar på beslut");
        waitForText(By.xpath("//section[@aria-labelledby='pending-title']"), "Webb Testsson");
        check("decisions");

        assertThat(Api.at(port).asCaseworker().get("/api/cases/" + caseId).expect(404).json().get("code").asString())
                .isEqualTo("CASE_NOT_FOUND");
        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report-cases.txt)")
                .isEmpty();
    }
}
