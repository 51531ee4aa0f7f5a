package se.placera.inquiries.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;

/**
 * Chooses the method of a purpose ({@code placement-inquiry}, {@code provider-response}) for a case by the
 * methods' {@code appliesWhen}: every fact listed must match the case; of the matches, the most specific wins (a
 * placement form counts more than a target group), then the lowest id, so the choice is stable.
 */
@Component
class InquiryMethods {

    static final String INQUIRY = "placement-inquiry";
    static final String RESPONSE = "provider-response";

    private final Metadata metadata;

    InquiryMethods(Metadata metadata) {
        this.metadata = metadata;
    }

    Optional<Definition> choose(String purpose, Map<String, Object> facts) {
        return metadata.list("method").stream()
                .map(d -> d.status() == DefinitionStatus.PUBLISHED ? d
                        : metadata.latestPublished("method", d.id()).orElse(null))
                .filter(d -> d != null && purpose.equals(d.content().path("purpose").asString("")))
                .filter(d -> score(d.content().path("appliesWhen"), facts) >= 0)
                .max(Comparator.<Definition>comparingInt(d -> score(d.content().path("appliesWhen"), facts))
                        .thenComparing(Definition::id, Comparator.reverseOrder()));
    }

    /** -1 when the method does not apply; otherwise how specific the match is. */
    static int score(JsonNode appliesWhen, Map<String, Object> facts) {
        int score = 0;
        int tg = matches(appliesWhen.path("targetGroups"), facts.get("targetGroup"));
        int pf = matches(appliesWhen.path("placementForms"), facts.get("placementForm"));
        if (tg < 0 || pf < 0) {
            return -1;
        }
        score += tg + 2 * pf;
        return score;
    }

    /** 0: not listed (any value); 1: listed and matching; -1: listed and not matching. */
    private static int matches(JsonNode values, Object fact) {
        if (values.isMissingNode() || values.isNull()) {
            return 0;
        }
        for (JsonNode v : values) {
            if (v.asString().equals(fact)) {
                return 1;
            }
        }
        return -1;
    }
}
