package se.placera.reports.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The questions of a method's content as reports need them: type, scale and the labels of inline options. */
record MethodQuestions(String methodId, String title, String area, Map<String, Question> questions) {

    /** {@code type}: single, multiple, text, number, date, or rating; {@code scale}: 1-5 or percent for ratings. */
    record Question(String id, String text, String type, String scale, String codelist, Map<String, String> labels) {

        boolean numeric() {
            return "rating".equals(type) || "number".equals(type);
        }
    }

    static MethodQuestions of(JsonNode content) {
        Map<String, Question> qs = new LinkedHashMap<>();
        for (JsonNode a : content.path("areas")) {
            for (JsonNode q : a.path("questions")) {
                String type = "rating".equals(q.path("kind").asString()) ? "rating" : q.path("answerType").asString("");
                Map<String, String> labels = new LinkedHashMap<>();
                JsonNode options = q.path("options");
                JsonNode items = options.path("static");
                for (JsonNode o : items) {
                    labels.put(o.path("value").asString(), o.path("label").asString(o.path("value").asString()));
                }
                q.path("scaleLabels").propertyNames().forEach(k -> labels.put(k, q.path("scaleLabels").get(k).asString()));
                String heading = q.hasNonNull("heading") ? q.get("heading").asString() : q.path("text").asString();
                qs.put(q.path("id").asString(), new Question(q.path("id").asString(), heading, type,
                        q.path("scale").asString(null), options.path("codelist").asString(null), labels));
            }
        }
        return new MethodQuestions(content.path("id").asString(), content.path("title").asString(),
                content.path("area").asString(null), qs);
    }
}
