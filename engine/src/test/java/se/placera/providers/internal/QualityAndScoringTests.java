package se.placera.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.forms.FormState;
import se.placera.providers.Quality;
import se.placera.providers.Unit;

/** The rules behind the quality fields, the rating of a response, distances and the Excel merge. */
class QualityAndScoringTests {

    static final MatchingProfiles.QualitySettings SETTINGS = MatchingProfiles.Profile.BUILT_IN.quality();

    @Test
    void aRatingIsShrunkTowardThePriorAndHiddenUnderTheMinimumCount() {
        Quality.Rating none = QualityService.rating(0, 0, SETTINGS);
        assertThat(none.count()).isZero();
        assertThat(none.value()).isNull();
        assertThat(none.display()).isEqualTo("för få svar");

        Quality.Rating two = QualityService.rating(10, 2, SETTINGS);
        assertThat(two.sufficient()).isFalse();
        assertThat(two.rawMean()).isEqualTo(5.0);

        // (3.5 × 5 + 5 × 20) / 25 = 4.7: many good answers pull the value far from the prior, few do not.
        Quality.Rating many = QualityService.rating(100, 20, SETTINGS);
        assertThat(many.value()).isEqualTo(4.7);
        assertThat(many.display()).isEqualTo("4,7 (20 svar)");
        assertThat(QualityService.rating(14, 3, SETTINGS).value()).isEqualTo(3.9);
    }

    static FormState state(Map<String, Object> answers, FormState.QuestionState... questions) {
        return new FormState("r", null, "submitted", null,
                List.of(new FormState.AreaState("a", "A", null, List.of(questions))), answers, List.of(), true, 1L,
                null, null);
    }

    static FormState.QuestionState rating(String id, String scale) {
        return new FormState.QuestionState(id, null, id, null, null, "rating", null, scale, null, null, null, null,
                null, null, false, null, null, false, null);
    }

    @Test
    void theRatingOfAResponseIsThePreferredQuestionOrTheMeanOfAllRatings() {
        // As ResponseSubmitted carries them: rating answers on the 1–5 scale (50 % = 3).
        Map<String, Double> s = Map.of("helhetsbetyg", 4.0, "konsulentstod", 2.0, "maluppfyllelse", 3.0);
        assertThat(ResponseRatings.rating(s, List.of("konsulentstod", "helhetsbetyg"), true)).isEqualTo(2.0);
        assertThat(ResponseRatings.rating(s, List.of("helhetsbetyg", "konsulentstod"), false)).isEqualTo(3.0);
        // None preferred answered: the mean of all.
        assertThat(ResponseRatings.rating(s, List.of("saknas"), true)).isEqualTo(3.0);
        assertThat(ResponseRatings.rating(Map.of(), List.of(), true)).isNull();
    }

    @Test
    void distancesAreGreatCircleKilometres() {
        double stockholmGoteborg = MatchingService.distanceKm(new Unit.Location(59.329, 18.069),
                new Unit.Location(57.709, 11.975));
        assertThat(stockholmGoteborg).isCloseTo(398, within(5.0));
    }

    @Test
    void anImportedRowKeepsOtherPricePeriodsAndTheStoredFiles() {
        Unit.Price old = new Unit.Price(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "per-dygn", 3000, null,
                null);
        Unit.Price current = new Unit.Price(LocalDate.of(2026, 1, 1), null, "per-dygn", 3200, null, "Avtalat");
        Unit stored = new Unit("u1", "p1", "Enhet", true, "K", "O", null, null, null, List.of("barn-unga"),
                List.of("hvb-barn-unga"), List.of(), List.of(), null, null, List.of(), 5, 1, null, List.of(old, current),
                null, null, null, new Unit.IvoPermit("IVO 1", List.of("hvb-barn-unga"), null, null, "f-1"),
                List.of(new Unit.DocumentRef("f-2", "information", "a.pdf", "application/pdf", 10, null, null)), 3L,
                null, null, null);
        Unit.Price changed = new Unit.Price(LocalDate.of(2026, 1, 1), null, "per-dygn", 3300, null, null);
        Unit fromFile = new Unit("u1", "p1", "Enhet", true, "K", "O", null, null, null, List.of("barn-unga"),
                List.of("hvb-barn-unga"), List.of(), List.of(), null, null, List.of(), 5, 2, null, List.of(changed),
                null, null, null, new Unit.IvoPermit("IVO 1", List.of("hvb-barn-unga"), null, null, null), List.of(),
                null, null, null, null);
        Unit merged = RegisterWorkbook.merge(stored, fromFile);
        assertThat(merged.prices()).containsExactly(old,
                new Unit.Price(LocalDate.of(2026, 1, 1), null, "per-dygn", 3300, null, "Avtalat"));
        assertThat(merged.ivoPermit().documentId()).isEqualTo("f-1");
        assertThat(merged.documents()).hasSize(1);
        assertThat(merged.vacancies()).isEqualTo(2);
        assertThat(merged.priceOn(LocalDate.of(2026, 6, 1)).orElseThrow().perDay()).isEqualTo(3300);
    }

    @Test
    void validationPointersMapToExcelColumns() {
        assertThat(RegisterWorkbook.columnOf("/prices/0/perDay")).isEqualTo("prisPerDygn");
        assertThat(RegisterWorkbook.columnOf("/placementForms/2")).isEqualTo("placeringsformer");
        assertThat(RegisterWorkbook.columnOf("/prices/0/levels/3")).isEqualTo("prisNiva1");
        assertThat(RegisterWorkbook.columnOf("/ivoPermit/scope/0")).isEqualTo("ivoOmfattning");
        assertThat(RegisterWorkbook.slug("Björkgården HVB – Öst")).isEqualTo("bjorkgarden-hvb-ost");
    }
}
