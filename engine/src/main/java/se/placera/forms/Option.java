package se.placera.forms;

import java.util.Map;

/** One answer alternative: the stored value, the label shown, and attributes that rules read as {@code item.attributes}. */
public record Option(String value, String label, Map<String, Object> attributes) {

    public Option {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public Option(String value, String label) {
        this(value, label, Map.of());
    }
}
