package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * End to end in Debian's Chromium: an administrator builds a method with cascading alternatives and an automatic
 * answer in the designer and publishes it; a caseworker fills it in (steps, error summary, dialog mode) and
 * submits; the response is read back through the API. axe-core runs on every page and fails the test on any
 * serious or critical violation. Screenshots go to target/screenshots/; the designer and the filled method are
 * also copied to docs/screenshots/.
 */
@AppIntegrationTest
class FrontendsBrowserIntegrationTests extends BrowserTestSupport {

    @Override
    String axeReportFile() {
        return "axe-report.txt";
    }

    @Test
    void administratorDesignsAndPublishesCaseworkerFillsInAndSubmits() throws Exception {
        String methodId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Uppföljning av insats (test " + methodId.substring(4) + ")";

        // --- The administrator builds the method in the designer ---
        open("/admin/");
        waitFor(By.id("username"));
        check("admin-login");
        login("admin");
        waitForText(By.tagName("h1"), "Metadata");
        waitFor(By.cssSelector("tbody tr"));
        check("admin-metadata");

        click(By.linkText("Ny metod"));
        waitForText(By.tagName("h1"), "Metoddesigner");
        type(label("Metodens id"), methodId);
        type(label("Titel"), title);
        select(label("Syfte"), "follow-up-interview");
        // A guardian answers too: dialog mode offers "Vårdnadshavare deltar också" only then (issue #12 item 14).
        click(By.cssSelector("input[id$='-role-guardian']"));

        click(treeItem("Nytt område"));
        type(label("Områdets id"), "bakgrund");
        type(label("Områdets rubrik"), "Bakgrund");

        click(treeItem("Ny fråga"));
        type(label("Frågans id"), "kategori");
        type(label("Rubrik"), "Kategori");
        type(label("Frågan"), "Vilken sorts insats gäller det?");
        type(label("Hjälptext (Markdown)"), "Välj **en** kategori. Se *riktlinjerna* för insatser.");
        click(label("Obligatorisk"));
        type(By.cssSelector("input[aria-label='Värde 1']"), "boende");
        type(By.cssSelector("input[aria-label='Text 1']"), "Boende");
        type(By.cssSelector("input[aria-label='Värde 2']"), "oppen");
        type(By.cssSelector("input[aria-label='Text 2']"), "Öppenvård");

        addQuestion("Bakgrund");
        type(label("Frågans id"), "insats");
        type(label("Rubrik"), "Insats");
        type(label("Frågan"), "Vilken insats har personen?");
        click(label("Obligatorisk"));
        click(By.xpath("//button[normalize-space()='Lägg till alternativ']"));
        String[][] insatser = {{"hvb", "HVB-hem", "kategori=boende"}, {"familjehem", "Familjehem", "kategori=boende"},
                {"kontaktperson", "Kontaktperson", "kategori=oppen"}};
        for (int i = 0; i < insatser.length; i++) {
            type(By.cssSelector("input[aria-label='Värde " + (i + 1) + "']"), insatser[i][0]);
            type(By.cssSelector("input[aria-label='Text " + (i + 1) + "']"), insatser[i][1]);
            type(By.cssSelector("input[aria-label='Attribut (namn=värde, …) " + (i + 1) + "']"), insatser[i][2]);
        }
        click(label("Alternativen beror på ett tidigare svar"));
        type(label("Alternativets attribut"), "kategori");
        select(label("ska vara lika med svaret på"), "kategori");

        addQuestion("Bakgrund");
        type(label("Frågans id"), "kommun");
        type(label("Rubrik"), "Kommun");
        type(label("Frågan"), "Vilken kommun ansvarar?");
        select(label("Svarstyp"), "text");
        click(By.xpath("//fieldset[contains(@class,'auto-editor')]//label[normalize-space()='Besvara automatiskt']"));
        select(label("Värdet hämtas"), "user");
        select(label("med värdet"), "municipality");

        click(By.xpath("//button[normalize-space()='Lägg till område']"));
        type(label("Områdets id"), "skattning");
        type(label("Områdets rubrik"), "Skattning");
        click(treeItem("Ny fråga"));
        type(label("Frågans id"), "nojdhet");
        type(label("Frågan"), "Hur nöjd är du med insatsen?");
        select(label("Frågetyp"), "rating");
        click(label("Obligatorisk"));
        addQuestion("Skattning");
        type(label("Frågans id"), "maluppfyllelse");
        type(label("Frågan"), "Hur stor del av målen är uppnådda?");
        select(label("Frågetyp"), "rating");
        select(label("Skala"), "percent");
        // A visibility rule through the condition builder: only asked when the satisfaction is answered.
        WebElement visible = driver.findElement(By.xpath("//fieldset[legend[normalize-space()='Visa frågan bara när']]"));
        visible.findElement(By.xpath(".//button[normalize-space()='Lägg till villkor']")).click();
        new Select(visible.findElement(By.xpath(".//div[@data-condition='0']//select[1]"))).selectByValue("nojdhet");
        new Select(visible.findElement(By.xpath(".//div[@data-condition='0']/div[2]/select"))).selectByValue("answered");
        visible.findElement(By.xpath(".//button[normalize-space()='Kontrollera']")).click();
        waitForText(By.cssSelector(".rule-editor .ok-message"), "Regeln är giltig");

        click(By.xpath("//button[normalize-space()='Spara utkast']"));
        waitForText(By.cssSelector(".save-status"), "Sparad som version");
        click(treeItem("Insats"));
        waitForText(By.cssSelector(".preview"), "Vilken sorts insats gäller det?");
        click(By.cssSelector("label[for='pv-q-kategori']"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String preview = d.findElement(By.cssSelector(".preview")).getText();
            return preview.contains("Familjehem") && !preview.contains("Kontaktperson");
        });
        check("admin-designer");
        copyToDocs("admin-designer", "designer.png");

        click(By.xpath("//button[normalize-space()='Validera']"));
        waitForText(By.cssSelector(".save-status"), "Inga fel hittades");
        click(By.xpath("//button[normalize-space()='Publicera']"));
        waitForText(By.cssSelector(".save-status"), "Version 1 är publicerad");

        // A published version never changes: the next edit becomes version 2, a draft, published in turn.
        click(treeItem("Kommun"));
        type(label("Frågan"), "Vilken kommun ansvarar för insatsen?");
        click(By.xpath("//button[normalize-space()='Spara som nytt utkast']"));
        waitForText(By.cssSelector(".save-status"), "Sparad som version 2 (Utkast)");
        click(By.xpath("//button[normalize-space()='Publicera']"));
        waitForText(By.cssSelector(".save-status"), "Version 2 är publicerad");

        open("/admin/methods/" + methodId + "/versions");
        waitForText(By.tagName("h1"), "Versioner");
        waitForText(By.cssSelector("table.diff"), "/areas/0/questions/2/text");
        check("admin-versions");
        open("/admin/bundle");
        waitForText(By.tagName("h1"), "Import och export");
        check("admin-bundle");
        open("/admin/presets");
        click(By.xpath("//button[normalize-space()='Visa']"));
        waitFor(By.id("preset-method"));
        check("admin-presets");
        open("/admin/codelists/new");
        waitForText(By.tagName("h1"), "Kodlista");
        check("admin-codelist");
        open("/admin/katalog");
        waitForText(By.tagName("h1"), "Metodkatalog");
        waitForText(By.cssSelector("table.catalogue"), "Barn och unga – ChASE, ungas röster");
        check("admin-catalogue");
        click(By.xpath("//button[normalize-space()='Logga ut']"));
        waitFor(By.id("username"));

        // --- The caseworker fills it in ---
        open("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        check("app-tasks");
        click(By.xpath("//button[normalize-space()='In English']"));
        waitForText(By.tagName("h1"), "My tasks");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        click(By.xpath("//button[normalize-space()='På svenska']"));
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        waitFor(By.cssSelector("#start-method option[value='" + methodId + "']"));
        select(By.id("start-method"), methodId);
        type(By.id("start-subject"), "KLIENT-4711");
        click(By.xpath("//button[normalize-space()='Starta']"));
        waitForText(By.tagName("h1"), title);
        String responseId = driver.getCurrentUrl().replaceAll(".*/responses/([^/?]+).*", "$1");
        assertThat(driver.findElements(By.id("q-kommun"))).as("auto-answered questions are not asked").isEmpty();
        check("app-fill-start");

        click(By.xpath("//button[normalize-space()='Skicka in']"));
        waitForText(By.cssSelector(".error-summary"), "Det finns fel att rätta");
        check("app-error-summary");
        // A link to a field in another step shows that step and focuses the field.
        click(By.xpath("//div[contains(@class,'error-summary')]//a[starts-with(normalize-space(),'Hur nöjd')]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "q-nojdhet".equals(d.switchTo().activeElement().getAttribute("id")));
        click(By.xpath("//div[contains(@class,'error-summary')]//a[starts-with(normalize-space(),'Kategori')]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "q-kategori".equals(d.switchTo().activeElement().getAttribute("id")));

        click(By.cssSelector("label[for='q-kategori-1']"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                d.findElements(By.xpath("//label[normalize-space()='HVB-hem']")).isEmpty()
                        && !d.findElements(By.xpath("//label[normalize-space()='Kontaktperson']")).isEmpty());
        click(By.xpath("//label[normalize-space()='Kontaktperson']"));
        // Every change is saved as a draft: leave, and come back to it from "Mina arbetsuppgifter".
        click(By.xpath("//button[normalize-space()='Spara och stäng']"));
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        click(By.cssSelector("a[aria-label='Fortsätt: " + title + "']"));
        waitForText(By.tagName("h1"), title);
        assertThat(waitFor(By.id("q-kategori-1")).isSelected()).as("the draft kept the answer").isTrue();
        assertThat(driver.findElement(By.xpath("//input[@value='kontaktperson']")).isSelected()).isTrue();
        click(By.xpath("//button[normalize-space()='Nästa']"));
        click(waitFor(By.cssSelector("label[for='q-nojdhet-3']")));
        WebElement percent = waitFor(By.cssSelector(".percent input[type=number]"));
        type(percent, "60");
        percent.sendKeys(Keys.TAB);
        click(label("Alla avsnitt"));
        waitForText(By.cssSelector(".auto-answered"), "Exempelkommun");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".save-status"), "Sparar")));
        check("app-fill-filled");
        copyToDocs("app-fill-filled", "filled-method.png");
        // 200 % zoom: at half the width the page reflows without horizontal scrolling.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(640, 1000));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1"));
        screenshot("app-fill-narrow");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));

        click(By.xpath("//button[normalize-space()='Skicka in']"));
        waitForText(By.tagName("h1"), "Kvitto");
        waitForText(By.cssSelector(".auto-answered"), "besvarad automatiskt");
        check("app-receipt");

        JsonNode response = Api.at(port).asCaseworker().get("/api/responses/" + responseId).expect(200).json();
        assertThat(response.get("status").asString()).isEqualTo("submitted");
        JsonNode answers = response.get("answers");
        assertThat(answers.get("kategori").asString()).isEqualTo("oppen");
        assertThat(answers.get("insats").asString()).isEqualTo("kontaktperson");
        assertThat(answers.get("kommun").asString()).isEqualTo("Exempelkommun");
        assertThat(answers.get("nojdhet").asInt()).isEqualTo(4);
        assertThat(answers.get("maluppfyllelse").asInt()).isEqualTo(60);

        // --- Dialog interview with a guardian as a second respondent ---
        open("/app/");
        waitFor(By.cssSelector("#start-method option[value='" + methodId + "']"));
        select(By.id("start-method"), methodId);
        click(By.xpath("//button[normalize-space()='Starta']"));
        waitForText(By.tagName("h1"), title);
        click(By.linkText("Dialogläge"));
        waitForText(By.tagName("h1"), "Dialogintervju");
        click(By.xpath("//button[normalize-space()='Vårdnadshavare deltar också']"));
        waitForText(By.cssSelector(".dialog-card"), "Vårdnadshavarens svar");
        check("app-dialog");
        open("/app/finns-inte");
        waitForText(By.tagName("h1"), "Sidan finns inte");

        assertThat(violations).as("serious or critical axe-core violations (see target/screenshots/axe-report.txt)")
                .isEmpty();
    }

    // --- helpers ---

    void addQuestion(String area) {
        click(By.xpath("//button[starts-with(normalize-space(),'Lägg till fråga') and contains(., '(" + area + ")')]"));
        waitForText(By.cssSelector(".question-editor h2"), "Fråga");
    }

    static By label(String text) {
        return By.xpath("//*[@id=//label[normalize-space()='" + text + "']/@for]");
    }

    static By treeItem(String text) {
        return By.xpath("//nav[@aria-label='Innehåll']//button[normalize-space()='" + text + "']");
    }

}
