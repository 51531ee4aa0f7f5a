package se.placera.forms;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a response is about: a placement, a client, a provider… by reference. {@code attributes} are facts the
 * caller knows (target group, placement form, start date) that rules read as {@code subject.<name>}.
 */
public record Subject(@Size(max = InputLimits.ID) String type, @Size(max = InputLimits.ID) String id,
        @Size(max = InputLimits.LIST) Map<@Size(max = InputLimits.ID) String, Object> attributes) {

    public Subject {
        type = type == null ? "none" : type;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static Subject none() {
        return new Subject("none", null, Map.of());
    }

    /** The map bound to {@code subject} in rules. */
    public Map<String, Object> asRuleMap() {
        Map<String, Object> m = new LinkedHashMap<>(attributes);
        m.put("type", type);
        m.put("id", id);
        return m;
    }
}
