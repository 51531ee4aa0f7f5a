package se.placera.documents;

import java.util.Map;

/**
 * Plain-text templates (FreeMarker) from the {@code templates/} folder, e.g. the mail texts in
 * {@code templates/mail/}. A template may assign values for its caller (a mail's {@code subject}) with
 * {@code <#assign name = "...">}; they come back in {@link Rendered#assigned()}.
 */
public interface TextTemplates {

    /**
     * Renders {@code name} (a path under {@code templates/}, e.g. {@code mail/inquiry-sent.ftl}) with {@code model}.
     *
     * @throws IllegalArgumentException when there is no such template or it does not render
     */
    Rendered render(String name, Map<String, Object> model);

    /** The output and the string values the template assigned. */
    record Rendered(String text, Map<String, String> assigned) {
    }
}
