package se.placera.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import se.placera.shared.Audited;
import se.placera.shared.PendingAudit;
import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.MongoCommands;
import se.placera.support.TestMethods;

/**
 * Issue #18, item 3: the database round trips of one {@code PATCH /api/responses/{id}/answers}, counted by a driver
 * command listener so that they cannot grow unnoticed. The list of commands of the counted request is written to
 * {@code target/patch-round-trips.txt}.
 */
@AppIntegrationTest
class AnswerRoundTripsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoCommands.Recorder commands;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    /** The outbox sweep and the cache counters run on their own schedule, not for the request. */
    static final Predicate<MongoCommands.Command> BACKGROUND = c -> "cache_generations".equals(c.collection())
            || c.command().toJson().contains("pending.at");

    @Test
    void aPatchOfAnswersReadsTheResponseOnceAndWritesItAndItsAuditEntry() throws Exception {
        Api admin = Api.at(port).asAdmin();
        Api caseworker = Api.at(port).asCaseworker();
        JsonNode saved = admin.post("/api/metadata/methods", TestMethods.cascading("rundresor")).expect(200).json();
        admin.post("/api/metadata/methods/rundresor/versions/" + saved.at("/definition/version").asInt()
                + "/publish", null).expect(200);
        JsonNode state = caseworker.post("/api/responses", Map.of("methodId", "rundresor", "subject",
                Map.of("type", "placement", "id", "P-RT", "attributes", Map.of("targetGroup", "barn-unga"))))
                .expect(201).json();
        String id = state.get("responseId").asString();
        state = caseworker.patch("/api/responses/" + id + "/answers", Map.of("answers", Map.of("stod", "barn"),
                "revision", state.get("revision").asLong())).expect(200).json(); // warm: caches, the user

        commands.start();
        state = caseworker.patch("/api/responses/" + id + "/answers", Map.of("answers", Map.of("stod", "vuxna"),
                "revision", state.get("revision").asLong())).expect(200).json();
        List<MongoCommands.Command> sent = commands.stop().stream().filter(BACKGROUND.negate()).toList();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/patch-round-trips.txt"), sent.stream()
                .map(c -> c.name() + " " + c.collection()).collect(Collectors.joining("\n")) + "\n");

        assertThat(state.get("revision").asLong()).isEqualTo(2);
        Map<String, Long> byKind = sent.stream().collect(Collectors.groupingBy(c -> c.name() + " " + c.collection(),
                Collectors.counting()));
        // The response: read once, saved once with its pending audit entry, the entry pulled once delivered.
        assertThat(byKind.get("find form_responses")).isEqualTo(1);
        assertThat(byKind.get("update form_responses")).isEqualTo(2);
        // The audit entry: one insert, no look-up before it (the unique entry id guards a second delivery).
        assertThat(byKind.get("insert audit_log")).isEqualTo(1);
        assertThat(byKind.getOrDefault("find audit_log", 0L)).isZero();
        // Signing in with HTTP Basic (as this client does) reads the account twice and clears failed attempts.
        assertThat(sent).as("every command of the request: " + byKind).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void anEntryDeliveredTwiceIsAppendedOnce() {
        String entryId = "rundresa-" + System.nanoTime() + "@1";
        PendingAudit pending = new PendingAudit(entryId, clock.instant(), "handlaggare", "exempelkommun-sof",
                new Audited("response.answer", "response", "rundresa", "exempelkommun-sof", "success", Map.of()));
        events.publishEvent(pending);
        events.publishEvent(pending); // the outbox sweep after a lost $pull
        assertThat(mongo.count(Query.query(Criteria.where("e").is(entryId)), "audit_log")).isEqualTo(1);
    }
}
