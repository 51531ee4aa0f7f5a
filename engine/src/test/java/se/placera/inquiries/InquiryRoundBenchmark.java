package se.placera.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;

/**
 * Issue #13: sending an inquiry round to 10 units through HTTP, including the outbox writes (the round with its
 * audit entry and mails, the case's transition, ten mails into the mail outbox). Boots the app in memory with the
 * sample municipality, raises a case per round and sends each once, and reports p50/p95/max in milliseconds (also
 * written to {@code target/inquiry-benchmark.txt}). Not part of the normal test run (the name does not end in
 * Tests): {@code mvn -o -q -pl engine test -Dtest=InquiryRoundBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "placera.embedded-db.in-memory=true", "placera.samples.enabled=true", "placera.samples.after-ready=false",
        "logging.level.org.mongodb.driver=WARN", "logging.level.de.bwaldvogel=WARN"})
class InquiryRoundBenchmark {

    static final int WARM_UP = Integer.getInteger("bench.warmup", 20);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 100);
    static final int UNITS = 10;

    @LocalServerPort
    int port;

    @Test
    void sendRoundsOfTenUnits() throws Exception {
        Api admin = Api.at(port).asAdmin();
        Api caseworker = Api.at(port).asCaseworker();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            JsonNode provider = admin.post("/api/register/providers", Map.of("name", "Bänk " + tag + " AB",
                    "orgNumber", String.format("%06d-%04d", 100000 + i, Math.abs(tag.hashCode()) % 10000),
                    "regi", "extern", "contact", Map.of("name", "Kim", "email", tag + "@bank.example"))).expect(201)
                    .json();
            Map<String, Object> u = new HashMap<>();
            u.put("providerId", provider.get("id").asString());
            u.put("name", "Bänkgården " + tag);
            u.put("municipality", "Uppsala");
            u.put("locality", "Uppsala");
            u.put("targetGroups", List.of("barn-unga"));
            u.put("placementForms", List.of("hvb-barn-unga"));
            units.add(admin.post("/api/register/units", u).expect(201).json().at("/unit/id").asString());
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            Map<String, Object> c = new HashMap<>();
            c.put("personalIdentityNumber", "19121212-1212");
            c.put("targetGroup", "barn-unga");
            c.put("placementForm", "hvb-barn-unga");
            c.put("wantedStart", "2027-01-15");
            JsonNode theCase = caseworker.post("/api/cases", c).expect(201).json();
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("unitIds", units);
            round.put("deadline", Instant.now().plus(Duration.ofDays(7)).toString());
            round.put("content", Map.of("beskrivning", "Behov av behandling."));
            round.put("revision", theCase.get("revision").asLong());
            long start = System.nanoTime();
            caseworker.post("/api/cases/" + theCase.get("id").asString() + "/inquiries", round).expect(201);
            long took = System.nanoTime() - start;
            if (i >= WARM_UP) {
                nanos.add(took);
            }
        }
        nanos.sort(Long::compare);
        double p50 = nanos.get(nanos.size() / 2) / 1e6;
        double p95 = nanos.get((int) Math.ceil(nanos.size() * 0.95) - 1) / 1e6;
        double max = nanos.get(nanos.size() - 1) / 1e6;
        String report = String.format(Locale.ROOT,
                "inquiry round to %d units through HTTP, %d rounds after %d warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                UNITS, ROUNDS, WARM_UP, p50, p95, max);
        System.out.print(report);
        Files.writeString(Path.of("target", "inquiry-benchmark.txt"), report, StandardCharsets.UTF_8);
        assertThat(nanos).hasSize(ROUNDS);
    }
}
