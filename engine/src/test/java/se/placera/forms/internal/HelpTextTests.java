package se.placera.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Help texts keep only http(s) and mailto targets: no data: or javascript: link or image reaches the page. */
class HelpTextTests {

    @Test
    void dataAndJavascriptLinksAndImagesAreDropped() {
        String html = HelpText.toHtml("[a](data:text/html;base64,PHNjcmlwdD4=) [b](javascript:alert(1)) "
                + "![c](data:image/svg+xml;base64,PHN2Zz4=) [d](DATA:text/html,x) [e](https://placera.se) "
                + "[f](mailto:stod@kommun.se)");
        assertThat(html).doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("javascript:")
                .contains("href=\"https://placera.se\"").contains("href=\"mailto:stod@kommun.se\"");
    }

    @Test
    void rawHtmlIsEscaped() {
        assertThat(HelpText.toHtml("<script>alert(1)</script>")).doesNotContain("<script>");
    }
}
