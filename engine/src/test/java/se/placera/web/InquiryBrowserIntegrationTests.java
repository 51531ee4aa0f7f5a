package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.Mails;
import se.placera.support.MovableClock;
import se.placera.support.TestPdfs;
import se.placera.support.TestProviders;
import se.placera.support.TestProviders.TestProvider;

/**
 * Issue #13, item 10, in Chromium with axe-core on every new page state: a caseworker raises a case, runs the case's
 * match list, sends one inquiry round to three units and moves one unit's deadline; two provider users answer in
 * the portal (one with a PDF, one after its deadline — the app's clock is moved); the caseworker reads the answers
 * back with labels, downloads the PDF, is refused a choice without a reason, and chooses one; the two others get
 * "gick till annan" mails (read from GreenMail); the case moves to another caseworker, who sees it with its notes,
 * its placement and its inquiries.
 */
@AppIntegrationTest
@Import(MovableClock.Config.class)
class InquiryBrowserIntegrationTests extends BrowserTestSupport {

    static final String PASSWORD = "Grå-Måne-Över-Sjön-42";
    static final String OTHER = "handlaggare-tre";
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("placera.notifications.poll-interval", () -> "200ms");
    }

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PasswordEncoder encoder;

    @Override
    String axeReportFile() {
        return "axe-report-inquiries.txt";
    }

    @AfterEach
    void resetClock() {
        clock.offset.set(Duration.ZERO);
    }

    private void signInToPortal(String username) {
        openSignedOut("/app/");
        type(By.id("username"), username);
        type(By.id("password"), PASSWORD);
        click(By.xpath("//button[@type='submit']"));
        waitForText(By.tagName("h1"), "Förfrågningar");
    }

    /** The provider user answers "Ja" with a price, a start date and transport, optionally with a PDF. */
    private void answerYes(TestProvider p, int price, Path pdf) {
        click(By.linkText(p.unitName()));
        waitForText(By.tagName("h1"), "Förfrågan till");
        click(By.id("q-kanTaEmot")); // Ja: the form asks for price, start and transport
        type(By.id("q-dygnspris"), String.valueOf(price));
        type(By.id("q-startdatum"), "2027-01-20");
        click(By.id("q-transport"));
        if (pdf != null) {
            driver.findElement(By.id("portal-file")).sendKeys(pdf.toAbsolutePath().toString());
            waitFor(By.linkText(pdf.getFileName().toString()));
        }
        click(By.xpath("//button[normalize-space()='Skicka svar']"));
        waitForText(By.cssSelector("[role=status]"), "Tack, svaret är skickat.");
    }

    /** The inquiry of a unit on the case page. */
    private By inquiry(TestProvider p) {
        return By.xpath("//li[contains(@class,'inquiry')][.//h4[contains(normalize-space(),'" + p.unitName() + "')]]");
    }

    @Test
    void aCaseworkerSendsARoundProvidersAnswerAndTheCaseworkerChoosesOne() throws Exception {
        // The app's clock runs two days behind until Cedra answers; moving it back to now makes Cedra's deadline pass.
        // (Moving it forward instead would end every session: Spring Session stamps a session's last access with
        // the system clock, and the session store measures idle time by the app's clock.)
        clock.offset.set(Duration.ofDays(-2));
        caseworkerWithDemoPassword(mongo, encoder, OTHER, "Tea", "Trean");
        Api admin = Api.at(port).asAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        TestProvider a = TestProviders.withUnit(admin, "Alby " + tag, "Alby HVB " + tag, "alby-" + tag + "@utforare.example");
        TestProvider b = TestProviders.withUnit(admin, "Berga " + tag, "Berga HVB " + tag, "berga-" + tag + "@utforare.example");
        TestProvider c = TestProviders.withUnit(admin, "Cedra " + tag, "Cedra HVB " + tag, "cedra-" + tag + "@utforare.example");
        TestProviders.activeProviderUser(admin, port, MAIL, b.providerId(), "berga-" + tag, PASSWORD);
        TestProviders.activeProviderUser(admin, port, MAIL, c.providerId(), "cedra-" + tag, PASSWORD);

        // The caseworker raises the case and notes a first call.
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        open("/app/arenden/nytt");
        waitFor(By.xpath("//select[@id='case-target-group']/option[@value='barn-unga']"));
        type(By.id("case-pnr"), "20110315-1237"); // 15 years old
        type(By.id("case-name"), "Ella Exempel");
        select(By.id("case-target-group"), "barn-unga");
        select(By.id("case-placement-form"), "hvb-barn-unga");
        select(By.id("case-legal-basis"), "lvu-2");
        type(By.id("case-start"), "2027-01-15");
        click(By.xpath("//button[normalize-space()='Upprätta ärendet']"));
        waitForText(By.tagName("h1"), "Ella Exempel");
        String caseId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
        type(By.id("note-text"), "Samtal med skolan om behov av stöd.");
        click(By.xpath("//button[normalize-space()='Spara anteckningen']"));
        waitForText(By.cssSelector(".note-list"), "Samtal med skolan om behov av stöd.");
        waitForText(By.id("inquiries-title"), "Förfrågningar till utförare");
        check("inquiry-none");

        // The case's match list; three units are picked and asked in one round.
        click(By.xpath("//button[normalize-space()='Sök utförare för ärendet']"));
        waitForText(By.id("match-title"), "Matchningslista");
        check("inquiry-match-list");
        for (TestProvider p : List.of(a, b, c)) {
            click(By.xpath("//input[@type='checkbox'][@id=//label[normalize-space()='Skicka förfrågan till "
                    + p.unitName() + "']/@for]"));
        }
        // Sent without the description the inquiry method requires: refused at the field, nothing sent.
        click(By.xpath("//button[normalize-space()='Skicka förfrågan till 3 verksamheter']"));
        assertFieldError("round-description", "round-description-hint round-description-error");
        check("inquiry-send-error");
        type(By.id("round-description"), "Tonåring med behov av strukturerad behandling och skolgång.");
        click(By.xpath("//button[normalize-space()='Skicka förfrågan till 3 verksamheter']"));
        waitForText(By.tagName("h1"), "Förfrågan skickad");
        waitForText(By.xpath("//article[contains(@class,'round')]//h3"), "Förfrågningsomgång 1");
        for (TestProvider p : List.of(a, b, c)) {
            waitForText(inquiry(p), "skickad");
            Mails.await(MAIL, p.email(), "Förfrågan om placering");
        }
        check("inquiry-round-sent");

        // Cedra's deadline moves to the app's tomorrow (the others keep the round's).
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        click(By.xpath("//button[@aria-label='Ändra sista svarsdag för " + c.unitName() + "']"));
        type(By.xpath("//input[@id=//label[starts-with(normalize-space(),'Ny sista svarsdag för "
                + c.unitName() + "')]/@for]"), tomorrow);
        click(By.xpath("//button[normalize-space()='Spara datumet']"));
        waitForText(By.xpath("//article[contains(@class,'round')]//p[@role='status']"), "Sista svarsdag för " + c.unitName());
        check("inquiry-deadline-moved");

        // Berga answers in time, with a PDF describing the service.
        signInToPortal("berga-" + tag);
        Path pdf = Path.of("target", "berga-beskrivning.pdf");
        Files.write(pdf, TestPdfs.plain("Beskrivning av Berga HVB"));
        answerYes(b, 3900, pdf);

        // Two days later Cedra's deadline has passed: its answer is taken, marked late.
        clock.offset.set(Duration.ZERO);
        signInToPortal("cedra-" + tag);
        answerYes(c, 4100, null);
        waitForText(By.cssSelector("[role=status]"), "markerat som sent");

        // The caseworker reads the answers back: states, labels (not codes), the PDF.
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        open("/app/arenden/" + caseId);
        waitForText(inquiry(b), "besvarad");
        waitForText(inquiry(c), "besvarad sent");
        waitForText(inquiry(a), "skickad");
        waitForText(By.xpath("//dl[@aria-label='Svar från " + b.unitName() + "']"), "Dygnspris");
        String answer = driver.findElement(By.xpath("//dl[@aria-label='Svar från " + b.unitName() + "']")).getText();
        assertThat(answer).contains("Ja").contains("3 900").doesNotContain("kanTaEmot").doesNotContain("dygnspris");
        String href = driver.findElement(By.linkText("Bilaga 1 från " + b.unitName() + " (PDF)")).getAttribute("href");
        Object download = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                     + String.fromCharCode(...new Uint8Array(b).slice(0, 5)))))
                  .catch(e => done(String(e)));
                """, href);
        assertThat(String.valueOf(download)).isEqualTo("200 application/pdf %PDF-");
        check("inquiry-answers");

        // "Välj" without a reason is refused at the field; with one, the case is placed with Berga.
        click(By.xpath("//button[@aria-label='Välj " + b.unitName() + "']"));
        waitFor(By.id("choose-reason"));
        click(By.xpath("//button[normalize-space()='Bekräfta valet']"));
        assertFieldError("choose-reason", "choose-reason-error");
        check("inquiry-choose-error");
        type(By.id("choose-reason"), "Bäst matchning och plats från önskat datum.");
        click(By.xpath("//button[normalize-space()='Bekräfta valet']"));
        waitForText(By.tagName("h1"), "Placerad");
        waitForText(inquiry(b), "vald");
        waitForText(inquiry(a), "gick till annan");
        waitForText(inquiry(c), "gick till annan");
        waitForText(By.cssSelector(".facts"), b.unitName());
        assertThat(driver.findElement(By.cssSelector(".round .decision")).getText())
                .contains("Bäst matchning och plats från önskat datum.");
        check("inquiry-decided");
        copyToDocs("inquiry-decided", "case-inquiries.png");

        // The providers not chosen are told by mail; the chosen one that it was chosen.
        for (TestProvider p : List.of(a, c)) {
            assertThat(Mails.await(MAIL, p.email(), "gick till annan")).contains(p.unitName());
        }
        Mails.await(MAIL, b.email(), "Ni har valts");
        assertThat(Mails.find(MAIL, b.email(), "gick till annan")).isNull();

        // The case moves to another caseworker, who sees it with its note, placement and inquiries.
        type(By.id("transfer-to"), OTHER);
        type(By.id("transfer-reason"), "Handläggaren går på föräldraledighet");
        click(By.xpath("//button[normalize-space()='Flytta ärendet']"));
        waitForText(By.xpath("//section[@aria-labelledby='transfer-title']//p[@role='status']"), "Ärendet är flyttat");
        openSignedOut("/app/");
        login(OTHER);
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        open("/app/arenden/" + caseId);
        waitForText(By.tagName("h1"), "Ella Exempel");
        waitForText(By.cssSelector(".note-list"), "Samtal med skolan om behov av stöd.");
        waitForText(inquiry(b), "vald");
        assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains(OTHER).contains(b.unitName());
        check("inquiry-transferred");

        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report-inquiries.txt)")
                .isEmpty();
    }
}
