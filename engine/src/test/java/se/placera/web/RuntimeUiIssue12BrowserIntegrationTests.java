package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import se.placera.support.Api;

/**
 * Issue #12 in the runtime UI (items 6, 7, 9, 13, 14) in Debian's Chromium on the synthetic sample municipality,
 * axe-core on every new page state: matching shows what decides a placement and moves focus to what it opened;
 * an unknown locality is said in Swedish at the field with the nearest known one, and the old results go; on a
 * phone-sized screen no page scrolls sideways and results are cards; the reader sees what they can do instead of
 * "Du saknar behörighet"; the form's steps and dialog mode's questions follow the back button and a resumed draft
 * opens where the user left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"placera.embedded-db.in-memory=true", "placera.metadata.fail-on-invalid=true",
                "placera.samples.enabled=true", "placera.samples.after-ready=false", "placera.samples.scale=0.25"})
class RuntimeUiIssue12BrowserIntegrationTests extends BrowserTestSupport {

    @Override
    String axeReportFile() {
        return "axe-report-runtime-issue12.txt";
    }

    @AfterEach
    void wideAgain() {
        driver.manage().window().setSize(new Dimension(1440, 1000));
    }

    void waitForRegister() {
        Api admin = Api.at(port).asAdmin();
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d ->
                admin.get("/api/register/units?limit=1").expect(200).json().get("total").asInt() > 20);
    }

    String activeId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    void waitForFocus(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "focus on #" + id + ", not #" + activeId())
                .until(d -> id.equals(activeId()));
    }

    /** Whether the page is wider than the window (it scrolls sideways). */
    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
    }

    /** The elements that reach beyond the window's right edge, for the failure message. */
    String wideElements() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                  .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
                    + Math.round(e.getBoundingClientRect().right)).join(', ');
                """));
    }

    void search() {
        click(By.xpath("//button[normalize-space()='Sök']"));
    }

    @Test
    void matchingShowsWhatDecidesAPlacementAndSaysErrorsInSwedishAtTheField() throws Exception {
        waitForRegister();
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        click(By.linkText("Sök placering"));
        waitFor(By.cssSelector("#m-placementForm option[value='hvb-barn-unga']"));

        // Placement forms narrowed by the target group (item 14).
        select(By.id("m-targetGroup"), "vuxna-missbruk");
        assertThat(driver.findElements(By.cssSelector("#m-placementForm option[value='hvb-barn-unga']"))).isEmpty();
        select(By.id("m-targetGroup"), "barn-unga");
        select(By.id("m-placementForm"), "hvb-barn-unga");
        select(By.id("m-gender"), "pojke-man");
        select(By.id("m-limit"), "10");
        // The date is written the Swedish way whatever the browser's language (item 14): ÅÅÅÅ-MM-DD, also typed
        // without dashes, and a date that does not exist is said at the field.
        WebElement date = driver.findElement(By.id("m-dateNeeded"));
        assertThat(date.getAttribute("type")).isEqualTo("text");
        assertThat(date.getAttribute("placeholder")).isEqualTo("ÅÅÅÅ-MM-DD");
        type(By.id("m-dateNeeded"), "20270230");
        waitForText(By.id("m-dateNeeded-date-error"), "Datumet finns inte");
        check("issue12-matching-date-invalid");
        type(By.id("m-dateNeeded"), "20270228");
        assertThat(driver.findElement(By.id("m-dateNeeded")).getAttribute("value")).isEqualTo("2027-02-28");
        assertThat(driver.findElements(By.id("m-dateNeeded-date-error"))).isEmpty();
        search();
        waitForText(By.id("results-title"), "träffar");
        // Focus moves to the results after a search (item 6).
        waitForFocus("results-title");
        List<String> headers = driver.findElements(By.cssSelector("table.results-table thead th")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
        assertThat(headers).contains("Kön", "Ålder", "Platser / lediga");
        WebElement first = driver.findElement(By.cssSelector("tr.result-row"));
        assertThat(first.findElement(By.cssSelector("td[data-label='Ålder']")).getText()).matches(".*\\d+.*");
        assertThat(first.findElement(By.cssSelector("td[data-label='Platser / lediga']")).getText())
                .matches("\\d+ platser, (1 ledig|\\d+ lediga|inga lediga|lediga okänt)");
        click(By.cssSelector("tr.reasons-row details summary"));
        waitForText(By.cssSelector("tr.reasons-row details ul.reasons"), "Lediga platser");
        check("issue12-matching-results");

        // "Jämför valda" moves focus to the comparison, which shows gender, ages and vacancies (item 6).
        List<WebElement> boxes = driver.findElements(By.cssSelector("tr.result-row input[type=checkbox]"));
        click(boxes.get(0));
        click(boxes.get(1));
        click(By.xpath("//button[normalize-space()='Jämför valda (2)']"));
        waitFor(By.cssSelector("table.compare-table"));
        waitForFocus("compare-title");
        String table = driver.findElement(By.cssSelector("table.compare-table")).getText();
        assertThat(table).contains("Kön", "Åldrar", "Platser");
        check("issue12-matching-compare");

        // An unknown locality: Swedish, at the field, the nearest known one offered, old results gone (item 7).
        type(By.id("m-locality"), "Upsala");
        search();
        waitForText(By.id("m-locality-error"), "Menade du Uppsala?");
        assertThat(driver.findElement(By.id("m-locality")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("m-locality")).getAttribute("aria-describedby"))
                .isEqualTo("m-locality-hint m-locality-error");
        assertThat(driver.findElements(By.cssSelector(".matching-results, .compare"))).isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("The locality is not known");
        waitForText(By.cssSelector(".error-summary"), "Orten finns inte");
        check("issue12-matching-unknown-locality");
        click(By.xpath("//button[normalize-space()='Använd Uppsala']"));
        assertThat(driver.findElement(By.id("m-locality")).getAttribute("value")).isEqualTo("Uppsala");
        search();
        waitForText(By.id("results-title"), "träffar");
        assertThat(driver.findElements(By.id("m-locality-error"))).isEmpty();

        // "Rensa" clears the criteria and the results (item 14).
        click(By.xpath("//button[normalize-space()='Rensa']"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".matching-results")).isEmpty());
        assertThat(driver.findElement(By.id("m-locality")).getAttribute("value")).isEmpty();

        // A phone-sized screen: results are cards, nothing scrolls sideways (item 13).
        driver.manage().window().setSize(new Dimension(390, 844));
        search();
        waitForText(By.id("results-title"), "träffar");
        WebElement card = driver.findElement(By.cssSelector("tr.result-row"));
        assertThat(card.getCssValue("display")).isEqualTo("grid");
        assertThat(scrollsSideways()).as("the matching page scrolls sideways at 390 px: %s", wideElements()).isFalse();
        check("issue12-matching-390");
        copyToDocs("issue12-matching-390", "matching-mobile.png");
        click(By.linkText("Mina arbetsuppgifter"));
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        waitFor(By.id("start-method"));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.xpath("//*[normalize-space()='Laddar …']")).isEmpty());
        assertThat(scrollsSideways()).as("the tasks page scrolls sideways at 390 px: %s", wideElements()).isFalse();
        check("issue12-tasks-390");
        assertThat(violations).as("serious or critical axe-core violations (target/screenshots/" + axeReportFile() + ")")
                .isEmpty();
    }

    @Test
    void theReaderSeesWhatTheyCanDoAndWhomToAsk() throws Exception {
        openSignedOut("/app/");
        login("lasare");
        waitForText(By.tagName("h1"), "Det här kan du göra");
        String nav = driver.findElement(By.cssSelector("nav[aria-label='Huvudmeny']")).getText();
        assertThat(nav).contains("Sök placering").doesNotContain("Mina arbetsuppgifter");
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Fråga din chef eller administratören för Placera i Socialförvaltningen")
                .doesNotContain("Du saknar behörighet").doesNotContain("Laddar");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Starta']"))).isEmpty();
        check("issue12-reader-start");
        copyToDocs("issue12-reader-start", "reader-start.png");
        // A response address leads to the same page, not to a refusal.
        open("/app/responses/finns-inte");
        waitForText(By.tagName("h1"), "Det här kan du göra");
        click(By.linkText("Sök placering"));
        waitForText(By.tagName("h1"), "Sök placering");
        check("issue12-reader-matching");
        assertThat(violations).as("serious or critical axe-core violations (target/screenshots/" + axeReportFile() + ")")
                .isEmpty();
    }

    @Test
    void stepsAndQuestionsFollowTheBackButtonAndADraftResumesWhereTheUserLeft() throws Exception {
        Api caseworker = Api.at(port).asCaseworker();
        String id = caseworker.post("/api/responses", Map.of("methodId", "vuxna-missbruk-uppfoljning",
                "respondentRole", "client", "subject", Map.of("type", "client", "id", "K-1212")))
                .expect(201).json().get("responseId").asString();
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        // The task list says who answers and what the response concerns, in words (items 11, 14).
        WebElement task = waitFor(By.xpath("//ul[@class='task-list']/li[.//a[contains(@href,'" + id + "')]]"));
        assertThat(task.getText()).contains("Klient K-1212").contains("Svarar: Klient");
        check("issue12-tasks");

        open("/app/responses/" + id);
        click(By.id("layout-steps"));
        waitForText(By.cssSelector(".step-indicator"), "Steg 1 av");
        String firstStep = driver.findElement(By.cssSelector(".form-view section.area h2")).getText();
        click(By.xpath("//div[@class='step-buttons']//button[normalize-space()='Nästa']"));
        waitForText(By.cssSelector(".step-indicator"), "Steg 2 av");
        assertThat(driver.getCurrentUrl()).endsWith("?steg=2");
        String secondStep = driver.findElement(By.cssSelector(".form-view section.area h2")).getText();
        check("issue12-step-2");
        // The back button goes to the previous step, not away from the form (item 14).
        driver.navigate().back();
        waitForText(By.cssSelector(".step-indicator"), "Steg 1 av");
        assertThat(driver.findElement(By.cssSelector(".form-view section.area h2")).getText()).isEqualTo(firstStep);
        driver.navigate().forward();
        waitForText(By.cssSelector(".step-indicator"), "Steg 2 av");

        // Leave, come back through the task list: the draft opens at step 2 (item 14).
        click(By.linkText("Mina arbetsuppgifter"));
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        click(By.cssSelector("a[href='/app/responses/" + id + "']"));
        waitForText(By.cssSelector(".step-indicator"), "Steg 2 av");
        assertThat(driver.findElement(By.cssSelector(".form-view section.area h2")).getText()).isEqualTo(secondStep);

        // Dialog mode: no guardian button for a method without guardians; the back button goes to the previous
        // question; the last question with nothing answered does not say that all are answered (item 14).
        open("/app/responses/" + id + "/dialog");
        waitFor(By.cssSelector(".dialog-card"));
        waitForText(By.cssSelector(".step-indicator"), "Fråga 1 av");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Vårdnadshavare deltar också']")))
                .isEmpty();
        click(By.xpath("//div[contains(@class,'dialog-buttons')]//button[normalize-space()='Nästa']"));
        waitForText(By.cssSelector(".step-indicator"), "Fråga 2 av");
        driver.navigate().back();
        waitForText(By.cssSelector(".step-indicator"), "Fråga 1 av");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            if (!d.findElements(By.cssSelector(".dialog-answered")).isEmpty()) {
                return true;
            }
            d.findElements(By.xpath("//div[contains(@class,'dialog-buttons')]//button[normalize-space()='Nästa']"))
                    .forEach(WebElement::click);
            return false;
        });
        assertThat(driver.findElement(By.cssSelector(".dialog-answered")).getText())
                .doesNotContain("Alla frågor är besvarade").startsWith("Ingen fråga är besvarad än");
        check("issue12-dialog-last");

        // A method that a guardian answers offers the guardian.
        String child = caseworker.post("/api/responses", Map.of("methodId", "barn-unga-oppenvard-uppfoljning",
                "respondentRole", "client", "subject", Map.of("type", "client", "id", "K-1313")))
                .expect(201).json().get("responseId").asString();
        open("/app/responses/" + child + "/dialog");
        waitFor(By.xpath("//button[normalize-space()='Vårdnadshavare deltar också']"));
        assertThat(violations).as("serious or critical axe-core violations (target/screenshots/" + axeReportFile() + ")")
                .isEmpty();
    }
}
