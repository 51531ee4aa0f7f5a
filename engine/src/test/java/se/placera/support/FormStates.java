package se.placera.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reading a form state (as the API returns it) in tests. */
public final class FormStates {

    private FormStates() {
    }

    /** The visible question with this id, or null when it is not shown. */
    public static JsonNode question(JsonNode state, String id) {
        for (JsonNode area : state.get("areas")) {
            for (JsonNode q : area.get("questions")) {
                if (q.get("id").asString().equals(id)) {
                    return q;
                }
            }
        }
        return null;
    }

    /** The values of a question's alternatives, or of a list of values. */
    public static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        JsonNode list = node.has("options") ? node.get("options") : node;
        list.forEach(o -> out.add(o.isObject() ? o.get("value").asString() : o.asString()));
        return out;
    }
}
