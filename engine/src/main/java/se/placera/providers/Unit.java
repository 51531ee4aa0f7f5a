package se.placera.providers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit (verksamhet) in the register: where a placement is made. Coded fields hold values of the standard
 * codelists ({@code malgrupper}, {@code placeringsformer}, {@code lagrum}, {@code kon}, {@code behov}).
 *
 * @param focus            inriktning, free text
 * @param genders          values of {@code kon} the unit takes; empty means all
 * @param minAge           youngest age taken (inclusive), null for no limit
 * @param maxAge           oldest age taken (inclusive), null for no limit
 * @param places           number of places (antal platser)
 * @param vacancies        current vacancies (lediga platser)
 * @param prices           price periods; the one valid on a date applies
 * @param tenderArea       anbudsområde
 * @param noticePeriodDays uppsägningstid in days
 * @param documents        stored files (information, agreements); the IVO permit PDF is referenced from the permit
 * @param version          optimistic-lock counter: send back the version you read when you update
 */
@Document("register_units")
@Schema(description = "Verksamhet (enhet) hos en utförare")
public record Unit(@Id @Size(max = InputLimits.ID) String id, @Size(max = InputLimits.ID) String providerId,
        @Size(max = InputLimits.NAME) String name, Boolean active, @Size(max = InputLimits.NAME) String municipality,
        @Size(max = InputLimits.NAME) String locality, @Valid Address address, Location location,
        @Size(max = InputLimits.TEXT) String focus,
        @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> targetGroups,
        @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> placementForms,
        @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> legalBases,
        @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> genders, Integer minAge,
        Integer maxAge, @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> needs, Integer places,
        Integer vacancies, Instant vacanciesUpdatedAt, @Size(max = InputLimits.LIST) List<@Valid Price> prices,
        @Valid Agreement agreement, @Size(max = InputLimits.NAME) String tenderArea, Integer noticePeriodDays,
        @Valid IvoPermit ivoPermit, @Size(max = InputLimits.LIST) List<@Valid DocumentRef> documents, Long version,
        Instant createdAt, Instant updatedAt, @Size(max = InputLimits.ID) String updatedBy) {

    public Unit {
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        placementForms = placementForms == null ? List.of() : List.copyOf(placementForms);
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
        genders = genders == null ? List.of() : List.copyOf(genders);
        needs = needs == null ? List.of() : List.copyOf(needs);
        prices = prices == null ? List.of() : List.copyOf(prices);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** Postal address. */
    public record Address(@Size(max = InputLimits.SHORT_TEXT) String street,
            @Size(max = InputLimits.ID) String postalCode, @Size(max = InputLimits.NAME) String city) {
    }

    /** WGS 84 coordinates. */
    public record Location(double lat, double lon) {
    }

    /**
     * One price period. {@code model}: {@code per-dygn} (one price per day), {@code nivaer} (levels 1–5, the
     * ersättningsmodell with five levels) or {@code individuell} (agreed per placement).
     */
    public record Price(LocalDate validFrom, LocalDate validTo, @Size(max = InputLimits.ID) String model,
            Integer perDay, @Size(max = InputLimits.LIST) Map<@Size(max = InputLimits.ID) String, Integer> levels,
            @Size(max = InputLimits.TEXT) String note) {

        public static final String PER_DAY = "per-dygn";
        public static final String LEVELS = "nivaer";
        public static final String INDIVIDUAL = "individuell";

        public boolean validOn(LocalDate date) {
            return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
        }

        /** The price per day to compare units by: per day, or the lowest level; null when individual. */
        public Integer comparablePerDay() {
            if (perDay != null) {
                return perDay;
            }
            if (levels != null && !levels.isEmpty()) {
                return levels.values().stream().filter(v -> v != null).min(Integer::compare).orElse(null);
            }
            return null;
        }
    }

    /**
     * Avtalstyp: {@code ramavtal}, {@code direktupphandling} or {@code individavtal}; a framework agreement names
     * the {@link FrameworkAgreement} it belongs to.
     */
    public record Agreement(@Size(max = InputLimits.ID) String type,
            @Size(max = InputLimits.ID) String frameworkAgreementId, LocalDate validFrom, LocalDate validTo) {
        public static final String RAMAVTAL = "ramavtal";
        public static final String DIREKTUPPHANDLING = "direktupphandling";
        public static final String INDIVIDAVTAL = "individavtal";
    }

    /**
     * IVO-tillstånd.
     *
     * @param scope      the placement forms (codelist {@code placeringsformer}) the permit covers
     * @param documentId the stored PDF of the permit, if uploaded
     */
    public record IvoPermit(@Size(max = InputLimits.ID) String number,
            @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> scope, LocalDate validFrom,
            LocalDate validTo, @Size(max = InputLimits.ID) String documentId) {

        public IvoPermit {
            scope = scope == null ? List.of() : List.copyOf(scope);
        }

        public boolean covers(String placementForm, LocalDate date) {
            return (placementForm == null || scope.contains(placementForm))
                    && (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
        }

        public IvoPermit withDocument(String id) {
            return new IvoPermit(number, scope, validFrom, validTo, id);
        }
    }

    /** A stored file; its bytes are fetched by id. {@code kind}: {@code ivo-tillstand}, {@code information}, {@code ovrigt}. */
    public record DocumentRef(@Size(max = InputLimits.ID) String id, @Size(max = InputLimits.ID) String kind,
            @Size(max = InputLimits.NAME) String filename, @Size(max = InputLimits.ID) String contentType, long size,
            Instant uploadedAt, @Size(max = InputLimits.ID) String uploadedBy) {
    }

    public boolean isActive() {
        return active == null || active;
    }

    /** The price period valid on a date; the latest starting one when several overlap. */
    public Optional<Price> priceOn(LocalDate date) {
        return prices.stream().filter(p -> p.validOn(date))
                .max(Comparator.comparing(p -> p.validFrom() == null ? LocalDate.MIN : p.validFrom()));
    }

    public Unit withStamp(String newId, Long newVersion, Instant created, Instant updated, String by) {
        return new Unit(newId, providerId, name, active == null ? Boolean.TRUE : active, municipality, locality, address,
                location, focus, targetGroups, placementForms, legalBases, genders, minAge, maxAge, needs, places,
                vacancies, vacanciesUpdatedAt, prices, agreement, tenderArea, noticePeriodDays, ivoPermit, documents,
                newVersion, created, updated, by);
    }

    public Unit withVacancies(Integer newVacancies, Instant at) {
        return new Unit(id, providerId, name, active, municipality, locality, address, location, focus, targetGroups,
                placementForms, legalBases, genders, minAge, maxAge, needs, places, newVacancies, at, prices, agreement,
                tenderArea, noticePeriodDays, ivoPermit, documents, version, createdAt, updatedAt, updatedBy);
    }

    public Unit withFiles(IvoPermit permit, List<DocumentRef> docs) {
        return new Unit(id, providerId, name, active, municipality, locality, address, location, focus, targetGroups,
                placementForms, legalBases, genders, minAge, maxAge, needs, places, vacancies, vacanciesUpdatedAt,
                prices, agreement, tenderArea, noticePeriodDays, permit, docs, version, createdAt, updatedAt,
                updatedBy);
    }
}
