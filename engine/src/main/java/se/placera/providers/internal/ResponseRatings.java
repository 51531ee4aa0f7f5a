package se.placera.providers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.placera.forms.ResponseSubmitted;
import se.placera.providers.Register;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;
import se.placera.providers.UnitQualities.RatingKind;

/**
 * EV-1: a submitted evaluation ({@code evaluation}: the caseworker rating) or follow-up interview
 * ({@code follow-up-interview}: the client rating) about a unit enriches the register at once. The unit is the
 * subject (type {@code unit}) or the subject's {@code unitId} attribute. A final evaluation whose
 * {@code sammanbrott} question is answered also records the placement's outcome. Everything needed comes with
 * the event: the response is not read back (a read would be audited as the submitter's).
 */
@Component
class ResponseRatings {

    private static final Logger log = LoggerFactory.getLogger(ResponseRatings.class);

    private final UnitQualities qualities;
    private final Register register;
    private final MatchingProfiles profiles;

    ResponseRatings(UnitQualities qualities, Register register, MatchingProfiles profiles) {
        this.qualities = qualities;
        this.register = register;
        this.profiles = profiles;
    }

    @EventListener
    void on(ResponseSubmitted event) {
        RatingKind kind = switch (event.purpose() == null ? "" : event.purpose()) {
            // An evaluation answered by the client or a guardian is the client's rating, else the caseworker's.
            case "evaluation" -> "client".equals(event.respondentRole()) || "guardian".equals(event.respondentRole())
                    ? RatingKind.CLIENT : RatingKind.CASEWORKER;
            case "follow-up-interview" -> RatingKind.CLIENT;
            default -> null;
        };
        if (kind == null || event.subject() == null) {
            return;
        }
        String unitId = "unit".equals(event.subject().type()) ? event.subject().id()
                : event.subject().attributes().get("unitId") instanceof String s ? s : null;
        if (unitId == null || unitId.isBlank() || register.unit(new UnitId(unitId)).isEmpty()) {
            return;
        }
        try {
            Map<String, Object> answers = event.answers() == null ? Map.of() : event.answers();
            Double rating = rating(event.ratings() == null ? Map.of() : event.ratings(), kind == RatingKind.CASEWORKER
                    ? profiles.standard().quality().caseworkerRatingQuestions()
                    : profiles.standard().quality().clientRatingQuestions(), kind == RatingKind.CASEWORKER);
            UnitId unit = new UnitId(unitId);
            if (rating != null) {
                qualities.recordRating(event.responseId() + ":" + kind.name().toLowerCase(), unit, kind, rating,
                        event.submittedAt());
            }
            Object breakdown = answers.get("sammanbrott");
            if ("ja".equals(breakdown) || "nej".equals(breakdown)) {
                String placement = "placement".equals(event.subject().type()) && event.subject().id() != null
                        ? event.subject().id() : event.responseId();
                LocalDate ended = answers.get("slutdatum") instanceof String d && !d.isBlank()
                        ? LocalDate.parse(d.substring(0, Math.min(10, d.length()))) : null;
                qualities.recordPlacementEnded("placement:" + placement, unit, ended, "ja".equals(breakdown));
            }
        } catch (RuntimeException e) {
            // Never fail the submission because the register could not be enriched; it is logged for follow-up.
            log.error("Could not record ratings of response {} for unit {}", event.responseId(), unitId, e);
        }
    }

    /**
     * The rating on the 1–5 scale: with {@code firstWins} the first of the preferred questions answered, else the
     * mean of the preferred ones answered; with none of them answered, the mean of all rating answers.
     */
    static Double rating(Map<String, Double> ratings, List<String> preferred, boolean firstWins) {
        List<Double> chosen = new ArrayList<>();
        for (String id : preferred) {
            if (ratings.containsKey(id)) {
                chosen.add(ratings.get(id));
                if (firstWins) {
                    break;
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ratings.values());
        }
        return chosen.isEmpty() ? null : chosen.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
