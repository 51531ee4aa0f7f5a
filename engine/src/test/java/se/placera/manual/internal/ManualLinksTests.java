package se.placera.manual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The manual's link check (US-7): every page of {@code docs/manual/} is read as the app reads it, and the build
 * fails when a page shows a screenshot that {@code docs/screenshots/} does not have, links a page or heading that does
 * not exist, or links outside the manual. The other tests show that each rule does fire, and that rendering escapes
 * raw HTML and drops script links.
 */
class ManualLinksTests {

    static final Path MANUAL = Path.of("..", "docs", "manual");
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    static Map<String, String> repositoryManual() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(MANUAL)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static ManualSource read(Map<String, String> files) {
        return new ManualSource(files, name -> Files.isRegularFile(SCREENSHOTS.resolve(name)));
    }

    @Test
    void everyScreenshotPageAndHeadingTheManualLinksExists() throws IOException {
        ManualSource manual = read(repositoryManual());
        assertThat(manual.problems()).as("problems in docs/manual").isEmpty();
        assertThat(manual.pages()).extracting(ManualSource.Page::role)
                .containsExactly("caseworker", "administrator", "provider", "economist", "reader");
        assertThat(manual.pages()).allSatisfy(p -> assertThat(p.title()).startsWith("Handbok för"));
        assertThat(manual.pages().stream().mapToInt(p -> p.images().size()).sum()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aMissingScreenshotAMissingPageAWrongHeadingAndALinkOutsideAreEachReported() throws IOException {
        Map<String, String> files = repositoryManual();
        files.put("reader.md", files.get("reader.md") + """

                ![Finns inte](../screenshots/finns-inte.png)

                Se [ett ärende](../cases.md), [en sida som saknas](saknas.md),
                [en rubrik som saknas](caseworker.md#saknas) och [här](#ingen-rubrik).

                ![](../screenshots/case-view.png)

                ![Bild utanför](https://example.org/bild.png)
                """);
        assertThat(read(files).problems()).containsExactlyInAnyOrder(
                "reader.md: image ../screenshots/finns-inte.png does not exist",
                "reader.md: link ../cases.md leads outside the manual (only other.md, other.md#heading, #heading and "
                        + "web addresses)",
                "reader.md: link saknas.md names a page that does not exist",
                "reader.md: link caseworker.md#saknas names no heading of caseworker.md",
                "reader.md: link #ingen-rubrik names no heading of this page",
                "reader.md: image ../screenshots/case-view.png has no alternative text",
                "reader.md: image https://example.org/bild.png is not a screenshot of ../screenshots/*.png");
    }

    @Test
    void aRoleWithoutPageAndAPageWithoutFrontMatterOrTitleAreReported() throws IOException {
        Map<String, String> files = repositoryManual();
        files.remove("economist.md");
        files.put("extra.md", "# Utan front matter\n");
        files.put("notitle.md", "---\nrole: reader\norder: x\nsummary: s\n---\nBara text.\n");
        assertThat(read(files).problems()).containsExactlyInAnyOrder(
                "extra.md: no front matter (role, order, summary between --- lines)",
                "notitle.md: order is not a whole number",
                "notitle.md: the page does not open with its # title",
                "no page has role economist (every role has a manual)",
                "administrator.md: link economist.md names a page that does not exist");
    }

    @Test
    void renderingEscapesRawHtmlDropsScriptLinksAndMakesLinksAppPaths() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String role : ManualSource.ROLES) {
            files.put(role + ".md", "---\nrole: " + role + "\norder: 1\nsummary: s\n---\n# Handbok " + role + "\n");
        }
        files.put("reader.md", """
                ---
                role: reader
                order: 1
                summary: s
                ---
                # Handbok för läsare

                ## Sök i registret

                <script>alert(1)</script> <img src=x onerror=alert(1)>

                [klick](javascript:alert(1)) [data](data:text/html,hej) [handläggare](caseworker.md#handbok-caseworker)
                [här](#sok-i-registret)

                ![Ärendet](../screenshots/case-view.png)
                """);
        ManualSource manual = read(files);
        ManualSource.Page reader = manual.page("reader");
        String app = manual.render(reader, ManualSource.Target.APP, name -> "/api/manual/images/" + name);
        assertThat(app).doesNotContain("<script", "<img src=x", "javascript:", "data:text")
                .contains("&lt;script&gt;", "<h2 id=\"reader-sok-i-registret\">Sök i registret</h2>",
                        "href=\"/app/handbok/caseworker#caseworker-handbok-caseworker\"",
                        "href=\"#reader-sok-i-registret\"",
                        "<img src=\"/api/manual/images/case-view.png\" alt=\"Ärendet\" />");
        String pdf = manual.render(reader, ManualSource.Target.PDF, name -> name);
        assertThat(pdf).contains("href=\"#caseworker-handbok-caseworker\"", "<img src=\"case-view.png\"");
        assertThat(reader.images()).containsExactly("case-view.png");
    }

    @Test
    void slugsFoldSwedishLetters() {
        assertThat(ManualSource.slug("Mina ärenden & beslut")).isEqualTo("mina-arenden-beslut");
        assertThat(ManualSource.slug("Förfrågningar till utförare")).isEqualTo("forfragningar-till-utforare");
    }
}
