package se.placera.providers.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;

/** The {@code matching-profile} metadata kind: the weights and quality settings of matching (PA-1, PA-2). */
@Component
class MatchingProfileKind implements MetadataKind {

    @Override
    public String name() {
        return MatchingProfiles.KIND;
    }

    @Override
    public String plural() {
        return "matching-profiles";
    }

    @Override
    public String title() {
        return "Matchningsprofil";
    }

    @Override
    public int importOrder() {
        return 150;
    }

    @Override
    public void validate(JsonNode content, ValidationContext context) {
        JsonNode w = content.path("weights");
        double sum = 0;
        for (String f : new String[] {"needs", "quality", "price", "distance", "agreement", "vacancy"}) {
            sum += w.path(f).asDouble(0);
        }
        if (sum <= 0) {
            context.problem("/weights", "matching-profile.zero-weights", "At least one weight must be above 0.");
        }
        JsonNode q = content.path("quality");
        double shares = q.path("caseworkerShare").asDouble(0.4) + q.path("clientShare").asDouble(0.3)
                + q.path("breakdownShare").asDouble(0.3);
        if (shares <= 0) {
            context.problem("/quality", "matching-profile.zero-shares",
                    "At least one of the quality shares must be above 0.");
        }
    }
}
