package se.placera.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plays the caseworker filling in a form: from the form state the server returned, the next visible question
 * without an answer (required ones first), and a valid answer for it from what the state offers (the first
 * alternative, a rating on its scale, a number in range, a date, a short text). Answering one question per
 * request is what the runtime UI's autosave does.
 */
final class FormAnswers {

    static final ObjectMapper JSON = new ObjectMapper();

    private FormAnswers() {
    }

    /** The PATCH body answering the next question, or null when every visible question has an answer. */
    static String nextPatch(String stateJson, Random rnd) {
        try {
            JsonNode state = JSON.readTree(stateJson);
            JsonNode next = null;
            for (boolean requiredPass : new boolean[] {true, false}) {
                for (JsonNode area : state.path("areas")) {
                    for (JsonNode q : area.path("questions")) {
                        boolean unanswered = q.path("value").isMissingNode() || q.path("value").isNull();
                        if (unanswered && !q.path("auto").asBoolean() && q.path("required").asBoolean() == requiredPass
                                && answer(q, rnd) != null) {
                            next = q;
                            break;
                        }
                    }
                    if (next != null) {
                        break;
                    }
                }
                if (next != null) {
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put(next.path("id").asText(), answer(next, rnd));
            return JSON.writeValueAsString(Map.of("answers", answers, "revision", state.path("revision").asLong()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long revision(String stateJson) {
        try {
            return JSON.readTree(stateJson).path("revision").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean complete(String stateJson) {
        try {
            return JSON.readTree(stateJson).path("complete").asBoolean();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object answer(JsonNode q, Random rnd) {
        // Background questions say their type in answerType; ratings have kind "rating" and a scale.
        String kind = q.path("kind").asText("").equals("rating") ? "rating" : q.path("answerType").asText("");
        String scale = q.path("scale").asText("");
        List<String> options = new ArrayList<>();
        q.path("options").forEach(o -> options.add(o.path("value").asText()));
        if (kind.equals("single")) {
            return options.isEmpty() ? null : options.get(rnd.nextInt(options.size()));
        }
        if (kind.equals("multiple")) {
            return options.isEmpty() ? null : List.of(options.get(rnd.nextInt(options.size())));
        }
        if (kind.equals("date")) {
            return "2026-10-0" + (1 + rnd.nextInt(9));
        }
        if (kind.equals("number")) {
            long min = q.path("minimum").asLong(0);
            long max = q.has("maximum") ? q.path("maximum").asLong() : min + 100;
            return min + (long) rnd.nextInt((int) Math.max(1, Math.min(100, max - min + 1)));
        }
        if (kind.equals("text")) {
            return "Anteckning från lasttestet";
        }
        if (kind.equals("rating")) {
            return scale.equals("percent") ? rnd.nextInt(101) : 1 + rnd.nextInt(5);
        }
        return null;
    }
}
