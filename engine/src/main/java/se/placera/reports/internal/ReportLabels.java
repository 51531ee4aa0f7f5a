package se.placera.reports.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Definition;
import se.placera.metadata.Metadata;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.UnitId;
import se.placera.reports.internal.ReportDefinition.Dimension;
import se.placera.reports.internal.ReportDefinition.Measure;

/** Swedish names of dimensions, their values (codelists, areas, methods, the register) and measures. */
@Component
class ReportLabels {

    private static final Map<String, String> FACTS = Map.ofEntries(Map.entry("gender", "Kön"),
            Map.entry("targetGroup", "Målgrupp"), Map.entry("placementForm", "Placeringsform"),
            Map.entry("unit", "Enhet"), Map.entry("provider", "Utförare"), Map.entry("intervention", "Insats"),
            Map.entry("method", "Metod"), Map.entry("respondentRole", "Besvarad av"), Map.entry("purpose", "Syfte"),
            Map.entry("year", "År"), Map.entry("tertial", "Tertial"), Map.entry("quarter", "Kvartal"),
            Map.entry("month", "Månad"));
    private static final Map<String, String> CODELISTS = Map.of("gender", "kon", "targetGroup", "malgrupper",
            "placementForm", "placeringsformer");
    private static final Map<String, String> ROLES = Map.of("caseworker", "Handläggare", "client", "Klient",
            "guardian", "Vårdnadshavare", "provider", "Utförare", "coordinator", "Samordnare", "other", "Annan");
    private static final Map<String, String> PURPOSES = Map.of("placement-inquiry", "Placeringsförfrågan",
            "provider-response", "Utförarens svar", "evaluation", "Utvärdering", "follow-up-interview",
            "Uppföljningsintervju", "kartlaggning", "Kartläggning", "survey", "Enkät");

    private final Metadata metadata;
    private final Register register;
    private final Map<String, Map<String, String>> codelists = new ConcurrentHashMap<>();

    ReportLabels(Metadata metadata, Register register) {
        this.metadata = metadata;
        this.register = register;
    }

    /** Period dimensions sort by value (2026-K1 before 2026-K2), others by label. */
    static boolean ordered(String dimKey) {
        return dimKey.equals("f.year") || dimKey.equals("f.tertial") || dimKey.equals("f.quarter")
                || dimKey.equals("f.month") || dimKey.startsWith("q.");
    }

    String dimensionTitle(Dimension d) {
        if (d.title() != null) {
            return d.title();
        }
        return d.fact() != null ? FACTS.getOrDefault(d.fact(), d.fact()) : questionText(d.question());
    }

    String measureTitle(Measure m) {
        String q = m.question() == null ? null : questionText(m.question());
        return switch (m.type()) {
            case "count" -> "Antal svar";
            case "share" -> "Andel " + label("q." + m.question(), m.value()) + " (" + q + ")";
            case "mean" -> "Medelvärde " + q;
            case "median" -> "Median " + q;
            case "shareAtLeast" -> "Andel minst " + formatLevel(m.level()) + " (" + q + ")";
            default -> m.type();
        };
    }

    private static String formatLevel(Double level) {
        return level == null ? "" : level == Math.rint(level) ? String.valueOf(level.intValue()) : level.toString();
    }

    String label(String dimKey, String value) {
        if (value == null) {
            return ReportRunner.MISSING;
        }
        try {
            if (dimKey.startsWith("q.")) {
                String label = questionLabels.getOrDefault(dimKey.substring(2), Map.of()).get(value);
                return label != null ? label : value;
            }
            String fact = dimKey.substring(2);
            if (CODELISTS.containsKey(fact)) {
                return codelist(CODELISTS.get(fact)).getOrDefault(value, value);
            }
            return switch (fact) {
                case "provider" -> register.provider(new ProviderId(value)).map(p -> p.name()).orElse(value);
                case "unit" -> register.unit(new UnitId(value)).map(u -> u.name()).orElse(value);
                case "intervention" -> metadata.latestPublished("area", value).map(d -> d.content().path("title")
                        .asString(value)).orElse(value);
                case "method" -> metadata.latestPublished("method", value).map(d -> d.content().path("title")
                        .asString(value)).orElse(value);
                case "respondentRole" -> ROLES.getOrDefault(value, value);
                case "purpose" -> PURPOSES.getOrDefault(value, value);
                default -> value;
            };
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** Question texts and answer labels of the methods a run reads, registered by the service before a run. */
    private final Map<String, String> questionTexts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> questionLabels = new ConcurrentHashMap<>();

    void learn(MethodQuestions method) {
        for (MethodQuestions.Question q : method.questions().values()) {
            questionTexts.putIfAbsent(q.id(), q.text());
            Map<String, String> l = new HashMap<>(q.labels());
            if (q.codelist() != null) {
                codelist(q.codelist()).forEach(l::putIfAbsent);
            }
            questionLabels.merge(q.id(), l, (a, b) -> {
                Map<String, String> m = new HashMap<>(a);
                b.forEach(m::putIfAbsent);
                return m;
            });
        }
    }

    private String questionText(String id) {
        return questionTexts.getOrDefault(id, id);
    }

    private Map<String, String> codelist(String id) {
        return codelists.compute(id, (k, old) -> {
            Map<String, String> out = new HashMap<>();
            metadata.latestPublished("codelist", k).map(Definition::content).ifPresent(c -> {
                for (JsonNode item : c.path("items")) {
                    out.put(item.path("value").asString(), item.path("label").asString(item.path("value").asString()));
                }
            });
            return out;
        });
    }
}
