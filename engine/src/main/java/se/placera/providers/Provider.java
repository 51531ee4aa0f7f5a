package se.placera.providers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A provider (utförare): the organisation that runs one or more units.
 *
 * @param id        stable id; generated when created without one
 * @param orgNumber organisationsnummer, {@code NNNNNN-NNNN}; unique in the register
 * @param regi      {@code extern} (a private provider) or {@code egen} (the municipality's own regi)
 * @param version   optimistic-lock counter: send back the version you read when you update
 */
@Document("register_providers")
@Schema(description = "Utförare (organisation)")
public record Provider(@Id @Size(max = InputLimits.ID) String id, @Size(max = InputLimits.NAME) String name,
        @Size(max = InputLimits.ID) String orgNumber, @Size(max = InputLimits.ID) String regi, @Valid Contact contact,
        Boolean active, Long version, Instant createdAt, Instant updatedAt, @Size(max = InputLimits.ID) String updatedBy) {

    public static final String EXTERN = "extern";
    public static final String EGEN = "egen";

    /** Kontaktperson. */
    public record Contact(@Size(max = InputLimits.NAME) String name, @Size(max = InputLimits.SHORT_TEXT) String email,
            @Size(max = InputLimits.ID) String phone) {
    }

    public boolean isActive() {
        return active == null || active;
    }

    public Provider withStamp(String newId, Long newVersion, Instant created, Instant updated, String by) {
        return new Provider(newId, name, orgNumber, regi, contact, active == null ? Boolean.TRUE : active, newVersion,
                created, updated, by);
    }
}
