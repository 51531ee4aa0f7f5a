package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.placera.support.AppIntegrationTest;

/**
 * The user manual in Chromium (US-7): a caseworker opens *Handbok* from the navigation, sees the role manuals with
 * their own marked, reads theirs with its screenshots loaded, follows a link to another role's manual without
 * leaving the app, and downloads the PDF; the administrator reaches their manual from the admin console. axe-core
 * runs on every page state and the test fails on any violation, whatever its impact.
 */
@AppIntegrationTest
class ManualBrowserIntegrationTests extends BrowserTestSupport {

    @Override
    String axeReportFile() {
        return "axe-report-manual.txt";
    }

    @Test
    void aCaseworkerReadsTheirManualFollowsALinkAndDownloadsThePdf() throws Exception {
        openSignedOut("/app/");
        login("handlaggare");
        waitForText(By.tagName("h1"), "Mina arbetsuppgifter");
        click(By.xpath("//nav[@aria-label='Huvudmeny']//a[normalize-space()='Handbok']"));
        waitForText(By.tagName("h1"), "Handbok");
        waitForText(By.cssSelector(".manual-list"), "Handbok för utförare");
        String list = driver.findElement(By.cssSelector(".manual-list")).getText();
        assertThat(list).contains("Handbok för handläggare (din roll)", "Handbok för administratörer",
                "Handbok för ekonomer", "Handbok för läsare");
        assertThat(list).doesNotContain("Handbok för administratörer (din roll)");
        check("manual-list");

        click(By.linkText("Handbok för handläggare"));
        waitForText(By.cssSelector("article.manual-page h1"), "Handbok för handläggare");
        assertThat(driver.getCurrentUrl()).endsWith("/app/handbok/caseworker");
        waitForImages();
        assertThat(driver.findElements(By.cssSelector("article.manual-page img")).size()).isGreaterThanOrEqualTo(4);
        assertThat(driver.findElement(By.cssSelector("article.manual-page")).getText())
                .contains("Förfrågningar till utförare", "Bekräfta valet");
        check("manual-caseworker");

        // A link between pages stays in the app: no reload (a marker on window survives).
        ((JavascriptExecutor) driver).executeScript("window.manualMarker = 'kvar';");
        click(By.xpath("//article[contains(@class,'manual-page')]//a[normalize-space()='Handbok för utförare']"));
        waitForText(By.cssSelector("article.manual-page h1"), "Handbok för utförare");
        assertThat(driver.getCurrentUrl()).endsWith("/app/handbok/provider");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.manualMarker")).isEqualTo("kvar");
        assertThat(driver.findElement(By.cssSelector("section.manual-aside a[aria-current='page']")).getText())
                .isEqualTo("Handbok för utförare");
        check("manual-provider");

        // The PDF link downloads the printable manual in the same session.
        String href = driver.findElement(By.linkText("Ladda ner hela handboken som PDF")).getAttribute("href");
        assertThat(href).endsWith("/api/manual/pdf");
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(async r => done(r.status + ' ' + r.headers.get('content-type') + ' '
                      + new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5))))
                  .catch(e => done(String(e)));
                """, href);
        assertThat(String.valueOf(answer)).isEqualTo("200 application/pdf %PDF-");

        // In English the labels change; the manual itself stays Swedish and is marked so.
        click(By.xpath("//button[normalize-space()='In English']"));
        waitForText(By.cssSelector("section.manual-aside h2"), "All manuals");
        assertThat(driver.findElement(By.cssSelector("article.manual-page")).getAttribute("lang")).isEqualTo("sv");
        check("manual-provider-en");
        click(By.xpath("//button[normalize-space()='På svenska']"));
        waitForText(By.cssSelector("section.manual-aside h2"), "Alla handböcker");

        assertThat(allViolations).as("axe-core violations (target/screenshots/" + axeReportFile() + ")").isEmpty();
    }

    @Test
    void theAdministratorReachesTheirManualFromTheConsole() throws Exception {
        openSignedOut("/admin/");
        login("admin");
        waitForText(By.tagName("h1"), "Metadata");
        click(By.xpath("//nav[@aria-label='Huvudmeny']//a[normalize-space()='Handbok']"));
        waitForText(By.cssSelector("article.manual-page h1"), "Handbok för administratörer");
        assertThat(driver.getCurrentUrl()).endsWith("/app/handbok/administrator");
        waitForImages();
        check("manual-administrator");
        assertThat(allViolations).as("axe-core violations (target/screenshots/" + axeReportFile() + ")").isEmpty();
    }

    /** Every screenshot of the page has loaded (a missing one would have no natural width). */
    private void waitForImages() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            var images = d.findElements(By.cssSelector("article.manual-page img"));
            return !images.isEmpty() && images.stream().allMatch(ManualBrowserIntegrationTests::loaded);
        });
    }

    private static boolean loaded(WebElement img) {
        Object ok = ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img);
        return Boolean.TRUE.equals(ok);
    }
}
