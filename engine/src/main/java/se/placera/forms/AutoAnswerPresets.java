package se.placera.forms;

import java.util.List;
import java.util.Map;

/** FM-6: per (user, method), questions answered automatically with stored values. */
public interface AutoAnswerPresets {

    Map<String, Object> get(String username, String methodId);

    /** Replaces the presets; every question must exist in the method's version in use and the value fit it. */
    Map<String, Object> put(String username, String methodId, Map<String, Object> values);

    void delete(String username, String methodId);

    List<Preset> forUser(String username);

    record Preset(String username, String methodId, Map<String, Object> values) {
    }
}
