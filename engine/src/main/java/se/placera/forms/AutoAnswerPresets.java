package se.placera.forms;

import java.util.List;
import java.util.Map;

/** FM-6: per (user, method), questions answered automatically with stored values. */
public interface AutoAnswerPresets {

    Map<String, Object> get(String username, String methodId);

    /**
     * Replaces the presets; every question must exist in the method's version in use and the value fit it.
     * Presets that exist are changed only with the {@code revision} read (428 without, 409 if stale); new ones
     * take none (409 if they were created meanwhile).
     */
    Preset put(String username, String methodId, Map<String, Object> values, Long revision);

    void delete(String username, String methodId);

    List<Preset> forUser(String username);

    /** @param revision the stored revision, to send with the next change */
    record Preset(String username, String methodId, Map<String, Object> values, Long revision) {
    }
}
