package se.placera.forms;

import java.util.List;
import java.util.Map;

/**
 * A live source of answer alternatives (FM-8). A method question names it with {@code "options": {"source":
 * "<id>", "params": {...}}}; the source is queried every time the form state is computed, so a new entry
 * (a new treatment home in the register, say) appears at once without editing the method.
 */
public interface OptionSource {

    /** The name methods use, e.g. {@code providers}. */
    String id();

    /** Swedish description for the designer. */
    default String title() {
        return id();
    }

    /**
     * The alternatives for one question.
     *
     * @param params  the question's {@code options.params}
     * @param user    the current user's attributes
     * @param subject the response's subject
     */
    List<Option> options(Map<String, Object> params, Map<String, Object> user, Map<String, Object> subject);
}
