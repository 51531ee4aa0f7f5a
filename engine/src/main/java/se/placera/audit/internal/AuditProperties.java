package se.placera.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code placera.audit.*}).
 *
 * @param maxValueLength   the longest text an entry keeps in one field (actor, action, subject, each string in
 *                         the details); a longer value is cut and ends with a marker holding its length and a
 *                         SHA-256 of the whole value
 * @param maxDetailsLength the largest the details of one entry may be, as JSON; larger details are replaced by a
 *                         marker with their size, SHA-256 and top-level keys
 * @param readBatch        how many entries one database read returns at most (search and verification read in
 *                         batches of this size, by sequence number, so no reply can outgrow the driver's limit)
 * @param pseudonymKey     the HMAC key for the names of failed logins (Base64); when empty, one is generated at
 *                         first start and kept in the database ({@code audit_settings})
 * @param outboxSweep      how often documents whose audit entry could not be written yet are looked for
 */
@ConfigurationProperties("placera.audit")
public record AuditProperties(@DefaultValue("512") int maxValueLength, @DefaultValue("8192") int maxDetailsLength,
        @DefaultValue("100") int readBatch, String pseudonymKey, @DefaultValue("30s") java.time.Duration outboxSweep) {

    public AuditProperties {
        maxValueLength = Math.max(maxValueLength, 128);
        maxDetailsLength = Math.max(maxDetailsLength, 512);
        readBatch = Math.max(readBatch, 1);
    }

    /** The defaults (for tests and tools). */
    public static AuditProperties defaults() {
        return new AuditProperties(512, 8192, 100, null, java.time.Duration.ofSeconds(30));
    }
}
