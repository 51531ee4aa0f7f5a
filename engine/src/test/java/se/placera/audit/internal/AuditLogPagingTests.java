package se.placera.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import se.placera.security.AccessScope;
import se.placera.shared.Audited;
import se.placera.shared.SwedishTime;

/**
 * Search and verification read the log in batches, so no database reply grows with the log: a template that
 * refuses replies over a limit set low here (as the driver refuses replies over 48 MB) stands in for the
 * driver, and counts the entries each read returns.
 */
class AuditLogPagingTests {

    /** A template whose replies may hold at most {@code maxChars} characters of entries. */
    static final class LimitedTemplate extends MongoTemplate {
        final long maxChars;
        int largestReply;

        LimitedTemplate(MongoClient client, long maxChars) {
            super(client, "audit-paging");
            this.maxChars = maxChars;
        }

        @Override
        public <T> List<T> find(Query query, Class<T> type) {
            return limited(super.find(query, type));
        }

        @Override
        public <T> List<T> find(Query query, Class<T> type, String collection) {
            return limited(super.find(query, type, collection));
        }

        <T> List<T> limited(List<T> found) {
            long chars = 0;
            for (T t : found) {
                AuditEntry e = t instanceof AuditEntry entry ? entry
                        : t instanceof org.bson.Document d ? AuditStorage.fromStored(d, null) : null;
                if (e != null) {
                    chars += AuditChain.canonicalJson(e.details == null ? Map.of() : e.details).length()
                            + (e.subjectId == null ? 0 : e.subjectId.length());
                }
            }
            if (chars > maxChars) {
                throw new DataAccessResourceFailureException("reply of " + chars + " characters is over the limit");
            }
            largestReply = Math.max(largestReply, found.size());
            return found;
        }
    }

    MongoServer server;
    MongoClient client;
    LimitedTemplate mongo;
    AuditLog log;

    @BeforeEach
    void setUp() {
        server = new MongoServer(H2Backend.inMemory());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new LimitedTemplate(client, 1_000_000);
        var props = new AuditProperties(512, 8192, 10, null);
        AccessScope scope = new AccessScope() {
            @Override
            public Set<String> visibleAdministrations() {
                return Set.of("sof");
            }

            @Override
            public String homeAdministration() {
                return "sof";
            }
        };
        log = new AuditLog(mongo, Optional::empty, scope, Clock.system(SwedishTime.ZONE), props,
                new Pseudonyms(mongo, props), new CaseTrail(mongo, 1000));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    void append25HugeEntries() {
        for (int i = 0; i < 25; i++) {
            log.on(new Audited("response.read", "response", i + "-" + "9".repeat(64 * 1024), "sof", "success",
                    Map.of("note", "x".repeat(64 * 1024))));
        }
    }

    @Test
    void verificationReadsABatchAtATime() {
        append25HugeEntries();
        var verification = log.verify();
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(25);
        assertThat(mongo.largestReply).isLessThanOrEqualTo(10);
    }

    @Test
    void hugeValuesAreBoundedAndSearchReadsABatchAtATime() {
        append25HugeEntries();
        var found = log.search(new AuditLog.Search(null, null, null, "response.*", null, null, null, 0, 1000));
        assertThat(found.total()).isEqualTo(25);
        assertThat(found.entries()).hasSize(25);
        assertThat(mongo.largestReply).isLessThanOrEqualTo(10);
        assertThat(found.entries().getFirst().seq).isEqualTo(25);
        assertThat(found.entries().getFirst().subjectId).hasSizeLessThanOrEqualTo(512).contains("truncated");
        var second = log.search(new AuditLog.Search(null, null, null, null, null, null, null, 1, 10));
        assertThat(second.entries()).extracting(e -> e.seq).containsExactly(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L,
                7L, 6L);
    }

    @Test
    void entriesFromBeforeTheBoundsAreReadFewerAtATimeAndStillVerified() {
        // Written by an earlier version: megabyte-sized values, hashed the old way (details as text).
        String prev = AuditChain.GENESIS;
        for (long seq = 1; seq <= 6; seq++) {
            var e = new AuditEntry();
            e.seq = seq;
            e.at = Instant.parse("2026-11-01T10:00:00Z");
            e.actor = "9".repeat(300 * 1024);
            e.action = "login.failure";
            e.subjectType = "user";
            e.subjectId = "1".repeat(300 * 1024);
            e.outcome = "failure";
            e.details = Map.of("username", "1".repeat(300 * 1024));
            e.prevHash = prev;
            e.hash = AuditChain.hash(e);
            prev = e.hash;
            mongo.insert(e);
        }
        log.on(Audited.success("logout", "user", "u", null));
        var verification = log.verify();
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(7);

        var found = log.search(new AuditLog.Search(null, null, null, null, null, null, null, 0, 100));
        assertThat(found.entries()).hasSize(7);
        assertThat(found.entries().getLast().subjectId).hasSizeLessThanOrEqualTo(512);
        assertThat((String) found.entries().getLast().details.get("username")).hasSizeLessThanOrEqualTo(512);
    }

    @Test
    void anEntryDeliveredTwiceIsAppendedOnce() {
        var pending = new se.placera.shared.PendingAudit("r-1@0", Instant.parse("2026-11-01T10:00:00Z"), "anna",
                "sof", Audited.success("response.start", "response", "r-1", "sof"));
        log.on(pending);
        log.on(pending);
        assertThat(mongo.count(new Query(), AuditEntry.class)).isEqualTo(1);
        assertThat(log.verify().valid()).isTrue();
    }
}
