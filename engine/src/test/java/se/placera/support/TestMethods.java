package se.placera.support;

import java.util.List;
import java.util.Map;

/** Small method definitions for tests, built as plain maps (the JSON a user would send). */
public final class TestMethods {

    private TestMethods() {
    }

    public static Map<String, Object> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }

    public static Map<String, Object> option(String value, String label, Map<String, Object> attributes) {
        return Map.of("value", value, "label", label, "attributes", attributes);
    }

    /**
     * A method with a cascading choice (boende filtered by stod), a conditional question, an automatic answer
     * from the user, and both rating scales.
     */
    public static Map<String, Object> cascading(String id) {
        return Map.of(
                "kind", "method",
                "id", id,
                "title", "Testmetod " + id,
                "purpose", "evaluation",
                "subjectType", "placement",
                "areas", List.of(
                        Map.of("id", "bakgrund", "title", "Bakgrund", "questions", List.of(
                                Map.of("id", "stod", "text", "Vilket stöd?", "kind", "background",
                                        "answerType", "single", "required", true,
                                        "options", Map.of("static", List.of(
                                                option("barn", "Barn och unga"),
                                                option("vuxna", "Vuxna")))),
                                Map.of("id", "boende", "text", "Vilket boende?", "kind", "background",
                                        "answerType", "single", "required", true,
                                        "options", Map.of("static", List.of(
                                                option("hvb-barn", "HVB barn", Map.of("for", List.of("barn"))),
                                                option("familjehem", "Familjehem", Map.of("for", List.of("barn"))),
                                                option("hvb-vuxna", "HVB vuxna", Map.of("for", List.of("vuxna"))))),
                                        "optionFilter", "answers.stod in item.attributes.for"),
                                Map.of("id", "skolgang", "text", "Går barnet i skolan?", "kind", "background",
                                        "answerType", "single", "required", true,
                                        "visibleWhen", "answers.stod == 'barn'",
                                        "options", Map.of("static", List.of(option("ja", "Ja"), option("nej", "Nej")))),
                                Map.of("id", "kommun", "text", "Kommun", "kind", "background", "answerType", "text",
                                        "autoAnswer", "user.municipality"),
                                Map.of("id", "dygn", "text", "Antal dygn", "kind", "background", "answerType", "number",
                                        "minimum", 0, "maximum", 3650))),
                        Map.of("id", "betyg", "title", "Bedömning", "questions", List.of(
                                Map.of("id", "bemotande", "text", "Bemötande", "kind", "rating", "scale", "1-5",
                                        "required", true, "help", "Tänk på **hela** perioden.<script>alert(1)</script>",
                                        "scaleLabels", Map.of("1", "Mycket dåligt", "5", "Mycket bra")),
                                Map.of("id", "maluppfyllelse", "text", "Måluppfyllelse", "kind", "rating",
                                        "scale", "percent")))));
    }
}
