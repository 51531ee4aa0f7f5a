package se.placera.providers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Feeds and reads the quality fields of units. Every fact has an id chosen by its source (a response id, a
 * placement id), so recording the same fact twice changes nothing; a later fact with the same id replaces the
 * earlier one (a corrected outcome, say).
 */
public interface UnitQualities {

    /** Who gave a rating. */
    enum RatingKind { CASEWORKER, CLIENT }

    /** A rating on the 1–5 scale (already converted from percent where needed). */
    void recordRating(String factId, UnitId unit, RatingKind kind, double value, Instant at);

    /** A placement at the unit ended, planned or not (sammanbrott). {@code factId} is normally the placement id. */
    void recordPlacementEnded(String factId, UnitId unit, LocalDate endedOn, boolean unplanned);

    /** A deviation (avvikelse) registered against the unit. */
    void recordDeviation(String factId, UnitId unit, LocalDate on, String category, String description);

    /** Many facts at once (sample data, migrations); duplicates by id are skipped. */
    void recordAll(Collection<Fact> facts);

    Quality of(UnitId unit);

    /**
     * One stored fact.
     *
     * @param type   {@code rating-caseworker}, {@code rating-client}, {@code ended}, {@code deviation}
     * @param value  the rating; for {@code ended} 1 when unplanned, else 0
     */
    record Fact(String id, String unitId, String type, Double value, Instant at, String note) {
        public static final String RATING_CASEWORKER = "rating-caseworker";
        public static final String RATING_CLIENT = "rating-client";
        public static final String ENDED = "ended";
        public static final String DEVIATION = "deviation";
    }
}
