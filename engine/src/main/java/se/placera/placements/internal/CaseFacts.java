package se.placera.placements.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Definition;
import se.placera.metadata.Metadata;
import se.placera.placements.PlacementCases.NewCase;
import se.placera.shared.Problem;

/**
 * The facts of a case — target group, placement form, legal basis, needs, gender, wanted start — checked against
 * the codelists in use (failing closed: an unreadable codelist accepts nothing) and kept under the keys the
 * methods' rules read from {@code subject} ({@code targetGroup}, {@code placementForm}, {@code legalBasis},
 * {@code needs}, {@code gender}, {@code startDate}, {@code age}).
 */
@Component
class CaseFacts {

    static final int MAX_NEEDS = 50;

    private final Metadata metadata;

    CaseFacts(Metadata metadata) {
        this.metadata = metadata;
    }

    Map<String, Object> check(NewCase r, List<Problem> problems) {
        Map<String, Object> facts = new LinkedHashMap<>();
        code(r.targetGroup(), "malgrupper", "/targetGroup", true, problems).ifPresent(v -> facts.put("targetGroup", v));
        code(r.placementForm(), "placeringsformer", "/placementForm", false, problems)
                .ifPresent(v -> facts.put("placementForm", v));
        code(r.legalBasis(), "lagrum", "/legalBasis", false, problems).ifPresent(v -> facts.put("legalBasis", v));
        code(r.gender(), "kon", "/gender", false, problems).ifPresent(v -> facts.put("gender", v));
        List<String> needs = r.needs() == null ? List.of() : r.needs();
        if (needs.size() > MAX_NEEDS) {
            problems.add(new Problem("/needs", "size", "At most " + MAX_NEEDS + " needs."));
        } else {
            for (int i = 0; i < needs.size(); i++) {
                code(needs.get(i), "behov", "/needs/" + i, true, problems);
            }
            if (!needs.isEmpty()) {
                facts.put("needs", List.copyOf(needs));
            }
        }
        if (r.wantedStart() != null) {
            facts.put("startDate", r.wantedStart().toString());
        }
        return facts;
    }

    boolean isActiveValue(String codelist, String value) {
        return activeValues(codelist).map(values -> values.contains(value)).orElse(false);
    }

    private Optional<String> code(String value, String codelist, String pointer, boolean required,
            List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(pointer, "required", "Välj ett värde ur kodlistan " + codelist + "."));
            }
            return Optional.empty();
        }
        Optional<Set<String>> values = activeValues(codelist);
        if (values.isEmpty()) {
            problems.add(new Problem(pointer, "codelist.unavailable", "The codelist " + codelist
                    + " is not available, so the value cannot be checked; nothing was stored."));
            return Optional.empty();
        }
        if (!values.get().contains(value)) {
            problems.add(new Problem(pointer, "codelist.value", "'" + (value.length() > 80 ? value.substring(0, 80)
                    : value) + "' is not an active value of the codelist " + codelist + "."));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<Set<String>> activeValues(String codelist) {
        try {
            return metadata.latestPublished("codelist", codelist).map(Definition::content).map(CaseFacts::values);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> values(JsonNode content) {
        Set<String> values = new java.util.HashSet<>();
        for (JsonNode item : content.path("items")) {
            if (item.path("active").asBoolean(true)) {
                values.add(item.path("value").asString());
            }
        }
        return Set.copyOf(values);
    }
}
