package se.placera.schedules.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The schedule versions a case keeps (id → version): the versions in force when the clocks first saw the case,
 * written once (insert by the case's id; a second instance's insert fails on the key and reads the first).
 */
@Document("case_clock_pins")
class CasePins {

    @Id
    String caseId;
    Map<String, Integer> pins = new LinkedHashMap<>();
    Instant pinnedAt;
    /** Who moved the case to other versions, if anyone did (an administrator). */
    String movedBy;
}
