package se.placera.forms.internal;


import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Help texts are Markdown. Raw HTML in them is escaped, never passed through, and link targets other than
 * http(s)/mailto are dropped, so no script can reach the page through a help text. CommonMark's default
 * sanitizer keeps {@code data:} URLs; ours does not, for links and images alike (a {@code data:text/html} link
 * opens a page of the author's making).
 */
final class HelpText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).softbreak("<br>").build();

    private HelpText() {
    }

    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

}
