package se.placera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.audit.internal.AuditChain;
import se.placera.audit.internal.AuditEntry;

class AuditChainTests {

    static AuditEntry entry(long seq, String prev, Map<String, String> details) {
        var e = new AuditEntry();
        e.seq = seq;
        e.at = Instant.parse("2026-11-25T10:00:00Z");
        e.actor = "handlaggare";
        e.action = "response.read";
        e.subjectType = "response";
        e.subjectId = "r-1";
        e.administration = "exempelkommun-sof";
        e.outcome = "success";
        e.details = details == null ? null : new java.util.LinkedHashMap<>(details);
        e.prevHash = prev;
        return e;
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        String h = AuditChain.hash(entry(1, AuditChain.GENESIS, Map.of("methodId", "m")));
        assertThat(h).hasSize(64).isEqualTo(AuditChain.hash(entry(1, AuditChain.GENESIS, Map.of("methodId", "m"))));
        assertThat(AuditChain.hash(entry(2, AuditChain.GENESIS, Map.of("methodId", "m")))).isNotEqualTo(h);
        assertThat(AuditChain.hash(entry(1, "1".repeat(64), Map.of("methodId", "m")))).isNotEqualTo(h);
        assertThat(AuditChain.hash(entry(1, AuditChain.GENESIS, Map.of("methodId", "n")))).isNotEqualTo(h);
        var other = entry(1, AuditChain.GENESIS, Map.of("methodId", "m"));
        other.actor = "mallory";
        assertThat(AuditChain.hash(other)).isNotEqualTo(h);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        var a = entry(1, AuditChain.GENESIS, Map.of());
        a.subjectType = "ab";
        a.subjectId = "c";
        var b = entry(1, AuditChain.GENESIS, Map.of());
        b.subjectType = "a";
        b.subjectId = "bc";
        assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(b));
    }
}
