package se.placera.forms.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;

import se.placera.forms.Option;
import se.placera.forms.rules.CompiledRule;

/**
 * A method version ready to run: questions in display order, rules compiled, the order in which rules must
 * be evaluated, and the JSON Schema every submission is checked against. Immutable and shared across threads.
 */
record CompiledMethod(String id, int version, String title, String purpose, String subjectType,
        List<Area> areas, Map<String, Question> questions, List<Question> evaluationOrder,
        JsonNode submissionSchemaNode, Schema submissionSchema, Map<String, Integer> slots) {

    CompiledMethod(String id, int version, String title, String purpose, String subjectType, List<Area> areas,
            Map<String, Question> questions, List<Question> evaluationOrder, JsonNode submissionSchemaNode,
            Schema submissionSchema) {
        this(id, version, title, purpose, subjectType, areas, questions, evaluationOrder, submissionSchemaNode,
                submissionSchema, slotsOf(questions));
    }

    /** Each question id's position in method order, for {@link SlotMap}s. */
    private static Map<String, Integer> slotsOf(Map<String, Question> questions) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String id : questions.keySet()) {
            // Interned, as DirectRule interns the keys rules read: lookups then match by identity.
            slots.put(id.intern(), slots.size());
        }
        return Collections.unmodifiableMap(slots);
    }

    record Area(String id, String title, String description, CompiledRule visibleWhen, List<Question> questions) {
    }

    /** Where a question's alternatives come from. */
    sealed interface OptionsSpec {
        record Static(List<Choice> choices) implements OptionsSpec {
        }

        record Codelist(String codelistId) implements OptionsSpec {
        }

        record Source(String sourceId, Map<String, Object> params) implements OptionsSpec {
        }
    }

    /** An alternative with the map {@code item} is bound to in option filters, built once. */
    record Choice(Option option, Map<String, Object> item) {
    }

    record Question(String id, Area area, int areaIndex, int index, String heading, String text, String help,
            String helpHtml, String kind, String answerType, String scale, Map<String, String> scaleLabels,
            boolean allowNotApplicable, Number minimum, Number maximum, Integer maxLength, Boolean multiline,
            boolean required, OptionsSpec options, CompiledRule visibleWhen, CompiledRule autoAnswer,
            CompiledRule optionFilter) {

        boolean hasOptions() {
            return options != null;
        }

        boolean isMultiple() {
            return "multiple".equals(answerType);
        }

        String pointer() {
            return "/areas/" + areaIndex + "/questions/" + index;
        }
    }
}
