package se.placera.providers;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A framework agreement (ramavtal) the board is responsible for, e.g. "HVB Barn och unga".
 *
 * @param placementForms values of the codelist {@code placeringsformer} the agreement covers (may be empty for
 *                       interventions that are not placements, e.g. Ungdomscoach)
 * @param tenderAreas    the anbudsområden of the procurement
 */
@Document("register_framework_agreements")
@Schema(description = "Ramavtal")
public record FrameworkAgreement(@Id @Size(max = InputLimits.ID) String id, @Size(max = InputLimits.NAME) String name,
        @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> placementForms,
        @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.NAME) String> tenderAreas, LocalDate validFrom,
        LocalDate validTo, Boolean active, Long version, Instant updatedAt, @Size(max = InputLimits.ID) String updatedBy) {

    public FrameworkAgreement {
        placementForms = placementForms == null ? List.of() : List.copyOf(placementForms);
        tenderAreas = tenderAreas == null ? List.of() : List.copyOf(tenderAreas);
    }

    public boolean validOn(LocalDate date) {
        return (active == null || active) && (validFrom == null || !date.isBefore(validFrom))
                && (validTo == null || !date.isAfter(validTo));
    }

    public FrameworkAgreement withStamp(Long newVersion, Instant updated, String by) {
        return new FrameworkAgreement(id, name, placementForms, tenderAreas, validFrom, validTo,
                active == null ? Boolean.TRUE : active, newVersion, updated, by);
    }
}
