package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.TestPdfs;
import se.placera.support.TestProviders;
import se.placera.support.TestProviders.TestProvider;

/**
 * The provider portal in Chromium, axe-core clean on every page state: a provider user signs in, sees
 * "Förfrågningar", opens the inquiry, answers in the generated form with a PDF attached.
 */
@AppIntegrationTest
class PortalBrowserIntegrationTests extends BrowserTestSupport {

    static final String PASSWORD = "Blå-Stuga-Vid-Berget-31";
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

    @Override
    String axeReportFile() {
        return "axe-report-portal.txt";
    }

    @Test
    void aProviderUserAnswersAnInquiryWithAPdfInThePortal() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        TestProvider provider = TestProviders.withUnit(admin, "Björkhagen " + tag, "Björkhagen HVB " + tag,
                "kontakt-" + tag + "@utforare.example");
        String unitId = provider.unitId();
        String username = "portal-" + tag;
        TestProviders.activeProviderUser(admin, port, MAIL, provider.providerId(), username, PASSWORD);
        Api caseworker = Api.at(port).asCaseworker();
        JsonNode theCase = caseworker.post("/api/cases", Map.of("personalIdentityNumber", "19121212-1212",
                "clientName", "Testbarn Testsson", "targetGroup", "barn-unga", "placementForm", "hvb-barn-unga",
                "wantedStart", "2027-01-15")).expect(201).json();
        String caseId = theCase.get("id").asString();
        caseworker.post("/api/cases/" + caseId + "/inquiries", Map.of("unitIds", List.of(unitId),
                "deadline", Instant.now().plus(Duration.ofDays(3)).toString(),
                "content", Map.of("beskrivning", "Tonåring med behov av strukturerad behandling."),
                "revision", theCase.get("revision").asLong())).expect(201);

        openSignedOut("/app/");
        type(By.id("username"), username);
        type(By.id("password"), PASSWORD);
        click(By.xpath("//button[@type='submit']"));
        waitForText(By.tagName("h1"), "Förfrågningar");
        waitFor(By.linkText("Björkhagen HVB " + tag));
        assertThat(driver.findElement(By.tagName("nav")).getText()).contains("Förfrågningar")
                .doesNotContain("Mina arbetsuppgifter").doesNotContain("Matchning");
        check("portal-list");

        click(By.linkText("Björkhagen HVB " + tag));
        waitForText(By.tagName("h1"), "Förfrågan till");
        waitFor(By.id("q-kanTaEmot"));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Testbarn");
        check("portal-inquiry");

        click(By.id("q-kanTaEmot-1")); // Nej: the form asks why
        type(By.id("q-skal"), "Ingen plats just nu.");
        Path pdf = Path.of("target", "portal-beskrivning.pdf");
        Files.write(pdf, TestPdfs.plain("Beskrivning av verksamheten"));
        driver.findElement(By.id("portal-file")).sendKeys(pdf.toAbsolutePath().toString());
        waitFor(By.linkText("portal-beskrivning.pdf"));
        check("portal-inquiry-filled");

        click(By.xpath("//button[normalize-space()='Skicka svar']"));
        waitForText(By.cssSelector("[role=status]"), "Tack, svaret är skickat.");
        check("portal-inquiry-answered");

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> caseworker.get("/api/cases/" + caseId
                + "/inquiries").expect(200).json().at("/0/inquiries/0/answer/attachments").size() == 1);
        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report-portal.txt)")
                .isEmpty();
    }
}
