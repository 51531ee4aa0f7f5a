package se.placera.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.placera.security.AccessScope;
import se.placera.shared.Audited;
import se.placera.shared.SwedishTime;

/**
 * Issue #18, item 4 (docs/audit.md): a sealed segment keeps its last hash, so the chain stays verifiable after the
 * segment's entries are archived and removed, and a change of the seal, a gap after it or a changed entry is still
 * found.
 */
class AuditSealTests {

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    AuditLog log;

    @BeforeEach
    void setUp() {
        server = new MongoServer(H2Backend.inMemory());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "audit-seal");
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
        for (int i = 0; i < 30; i++) {
            log.on(new Audited("response.read", "response", "r-" + i, "sof", "success", null));
        }
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    void archiveUpTo(long seq) {
        mongo.remove(Query.query(Criteria.where("_id").lte(seq)), AuditStorage.COLLECTION);
    }

    @Test
    void aSealedAndArchivedSegmentKeepsTheChainVerifiable() {
        AuditSeal seal = log.seal(20, "admin", "audit-1-20.jsonl", "abc");
        assertThat(seal.firstSeq).isEqualTo(1);
        assertThat(seal.lastHash).hasSize(64);
        archiveUpTo(20);
        log.on(new Audited("response.read", "response", "r-new", "sof", "success", null));

        var v = log.verify();
        assertThat(v.valid()).as(v.toString()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(11);
    }

    @Test
    void withoutASealRemovedEntriesAreReported() {
        archiveUpTo(20);
        var v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void aChangedSealBreaksTheFirstLiveEntry() {
        log.seal(20, "admin", null, null);
        archiveUpTo(20);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(20L)), Update.update("lastHash", "0".repeat(64)),
                AuditSeal.class);
        var v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(21);
    }

    @Test
    void aSealThatDoesNotMatchTheLiveEntryIsReported() {
        log.seal(20, "admin", null, null);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(20L)), Update.update("lastHash", "0".repeat(64)),
                AuditSeal.class);
        var v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(20);
        assertThat(v.reason()).isEqualTo("seal does not match");
    }

    @Test
    void aGapAfterTheSealIsReported() {
        log.seal(20, "admin", null, null);
        archiveUpTo(22);
        var v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(21);
    }
}
