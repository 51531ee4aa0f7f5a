package se.placera.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import se.placera.forms.ResponseSubmitted;
import se.placera.forms.Subject;
import se.placera.shared.SwedishTime;
import se.placera.support.Api;

/**
 * Generated submitted responses for every method of the standard reports, delivered as {@link ResponseSubmitted}
 * events (the projection's only input), skewed so that reports have small cells: a few large providers and many
 * small ones, a rare gender, missing facts, persons who answer twice, and a share in another administration.
 */
final class ReportFixtures {

    static final int YEAR = 2031;
    static final String HOME = "exempelkommun-sof";
    static final String OTHER = "exempelkommun-vof";

    /** How many responses each administration got, per method. */
    final Map<String, Map<String, Integer>> counts = new HashMap<>();

    private final Api admin;
    private final Map<String, JsonNode> methods = new HashMap<>();
    private final Map<String, List<String>> codelists = new HashMap<>();

    ReportFixtures(Api admin) {
        this.admin = admin;
    }

    void submit(ApplicationEventPublisher events, List<String> methodIds, int responses, long seed) {
        Random random = new Random(seed);
        String[] genders = {"flicka-kvinna", "pojke-man", "annan-ickebinar"};
        for (int i = 0; i < responses; i++) {
            String methodId = methodIds.get(random.nextInt(methodIds.size()));
            JsonNode method = method(methodId);
            Map<String, Object> attributes = new LinkedHashMap<>();
            double g = random.nextDouble();
            if (g < 0.93) {
                attributes.put("gender", genders[g < 0.47 ? 0 : g < 0.92 ? 1 : 2]);
            }
            List<String> groups = codelist("malgrupper");
            attributes.put("targetGroup", groups.get(Math.min(groups.size() - 1, (int) Math.abs(random.nextGaussian() * 3))));
            // Zipf-like: provider 0 is common, provider 14 rare.
            attributes.put("providerId", "rapport-utforare-" + (int) Math.min(14, Math.floor(Math.pow(random.nextDouble(), 2.2) * 15)));
            Map<String, Object> answers = answers(method, random);
            String person = "rapport-klient-" + random.nextInt(responses * 3 / 4);
            String administration = random.nextInt(10) == 0 ? OTHER : HOME;
            Instant at = SwedishTime.startOf(LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365)))
                    .plusSeconds(3600L * 10);
            Map<String, Double> ratings = new LinkedHashMap<>();
            events.publishEvent(new ResponseSubmitted("rapport-" + seed + "-" + i, methodId, 1,
                    method.path("purpose").asString(), new Subject("client", person, attributes), "handlaggare",
                    "caseworker", at, answers, ratings, administration));
            counts.computeIfAbsent(administration, a -> new HashMap<>()).merge(methodId, 1, Integer::sum);
        }
    }

    int count(String administration, List<String> methodIds) {
        return counts.getOrDefault(administration, Map.of()).entrySet().stream()
                .filter(e -> methodIds.isEmpty() || methodIds.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private Map<String, Object> answers(JsonNode method, Random random) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (JsonNode area : method.path("areas")) {
            for (JsonNode q : area.path("questions")) {
                if (random.nextInt(8) == 0) {
                    continue; // skipped
                }
                String id = q.path("id").asString();
                if ("rating".equals(q.path("kind").asString())) {
                    answers.put(id, "percent".equals(q.path("scale").asString()) ? 10 * random.nextInt(11)
                            : 1 + Math.min(4, (int) Math.floor(random.nextDouble() * random.nextDouble() * 6 + 1.2)));
                } else if ("single".equals(q.path("answerType").asString())) {
                    List<String> values = new ArrayList<>();
                    q.path("options").path("static").forEach(o -> values.add(o.path("value").asString()));
                    if (q.path("options").has("codelist")) {
                        values.addAll(codelist(q.path("options").path("codelist").asString()));
                    }
                    if (!values.isEmpty()) {
                        answers.put(id, values.get(Math.min(values.size() - 1, (int) Math.abs(random.nextGaussian() * 2))));
                    }
                }
            }
        }
        return answers;
    }

    JsonNode method(String id) {
        return methods.computeIfAbsent(id, k -> admin.get("/api/metadata/methods/" + k + "/versions/1").expect(200)
                .json().path("content"));
    }

    private List<String> codelist(String id) {
        return codelists.computeIfAbsent(id, k -> {
            List<String> values = new ArrayList<>();
            admin.get("/api/metadata/codelists/" + k + "?status=published").expect(200).json().path("content")
                    .path("items").forEach(item -> values.add(item.path("value").asString()));
            return values;
        });
    }
}
