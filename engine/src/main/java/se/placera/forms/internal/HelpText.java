package se.placera.forms.internal;


import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Help texts are Markdown. Raw HTML in them is escaped, never passed through, and link targets other than
 * http(s)/mailto are dropped, so no script can reach the page through a help text.
 */
final class HelpText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();

    private HelpText() {
    }

    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

}
