package se.placera.forms.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** FM-6: for one user and one method, the questions answered automatically and their values. */
@Document("autoanswer_presets")
class PresetDocument {

    @Id
    String id;
    String username;
    String methodId;
    Map<String, Object> values;
    Instant updatedAt;
    String updatedBy;
    @Version
    Long revision;

    static String key(String username, String methodId) {
        return username + ":" + methodId;
    }
}
