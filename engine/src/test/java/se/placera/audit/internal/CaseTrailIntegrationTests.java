package se.placera.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.placera.shared.AuditTrail;
import se.placera.shared.Audited;
import se.placera.shared.PendingAudit;
import se.placera.support.AppIntegrationTest;

/** The case pointers of the audit log: what belongs to a case is found, nothing else is shown, older entries linked. */
@AppIntegrationTest
class CaseTrailIntegrationTests {

    @Autowired
    CaseTrail trail;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theEntriesOfACaseAreFoundByItsIdAndOnlyThose() {
        String caseId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        events.publishEvent(pending("case.create", "case", caseId, Map.of("state", "utkast")));
        events.publishEvent(pending("response.submit", "response", "r-1", Map.of("subjectType", "case",
                "subjectId", caseId, "methodId", "uppfoljning")));
        events.publishEvent(pending("inquiry.send", "inquiry", "i-1", Map.of(AuditTrail.CASE_ID, caseId)));
        events.publishEvent(pending("case.create", "case", other, Map.of()));
        // A refused attempt names whatever the caller typed: it is not linked.
        events.publishEvent(Audited.denied("case.read", "case", caseId, "CASE_NOT_FOUND"));

        List<AuditTrail.Entry> found = trail.ofCase(caseId, 100);
        assertThat(found).extracting(AuditTrail.Entry::action)
                .containsExactly("case.create", "response.submit", "inquiry.send");
        assertThat(trail.ofCase(other, 100)).hasSize(1);
        assertThat(trail.ofCase(caseId, 2)).extracting(AuditTrail.Entry::action)
                .as("the newest within the limit, oldest first").containsExactly("response.submit", "inquiry.send");

        // A pointer to an entry of something else (a crash between pointer and entry) is not shown.
        long otherSeq = trail.ofCase(other, 1).getFirst().seq();
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), new Update().addToSet("seqs", otherSeq),
                CaseTrail.Pointers.class);
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), new Update().addToSet("seqs", 99_999_999L),
                CaseTrail.Pointers.class);
        assertThat(trail.ofCase(caseId, 100)).hasSize(3);
    }

    @Test
    void aRepeatedReadShowsTheSameEntriesAndTheNewOnes() {
        String caseId = UUID.randomUUID().toString();
        events.publishEvent(pending("case.create", "case", caseId, Map.of("state", "utkast")));
        events.publishEvent(pending("case.note", "case", caseId, Map.of("noteId", "n-1")));
        List<AuditTrail.Entry> first = trail.ofCase(caseId, 100);

        // The second read takes the entries it has seen from memory: the same entries, and the one added since.
        events.publishEvent(pending("case.transfer", "case", caseId, Map.of()));
        List<AuditTrail.Entry> second = trail.ofCase(caseId, 100);
        assertThat(second.subList(0, 2)).isEqualTo(first);
        assertThat(second).extracting(AuditTrail.Entry::action)
                .containsExactly("case.create", "case.note", "case.transfer");
        assertThat(trail.ofCase(caseId, 1)).extracting(AuditTrail.Entry::action).containsExactly("case.transfer");
    }

    @Test
    void entriesWrittenBeforeTheIndexAreLinkedOnce() {
        String caseId = UUID.randomUUID().toString();
        events.publishEvent(pending("case.create", "case", caseId, Map.of()));
        events.publishEvent(pending("case.note", "case", caseId, Map.of("noteId", "n-1")));
        mongo.remove(Query.query(Criteria.where("_id").in(caseId, CaseTrail.BACKFILLED)), CaseTrail.Pointers.class);
        assertThat(trail.ofCase(caseId, 100)).isEmpty();

        trail.linkOlderEntries();
        assertThat(trail.ofCase(caseId, 100)).extracting(AuditTrail.Entry::action)
                .containsExactly("case.create", "case.note");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(CaseTrail.BACKFILLED)),
                CaseTrail.Pointers.class)).isTrue();
    }

    private static PendingAudit pending(String action, String type, String id, Map<String, Object> details) {
        return new PendingAudit(UUID.randomUUID() + "@0", null, "handlaggare", "exempelkommun-sof",
                new Audited(action, type, id, "exempelkommun-sof", "success", details));
    }
}
