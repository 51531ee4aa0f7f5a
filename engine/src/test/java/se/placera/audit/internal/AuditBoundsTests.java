package se.placera.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The last line of defence: nothing unbounded enters an entry, and details are JSON values, not dumps. */
@SuppressWarnings("unchecked")
class AuditBoundsTests {

    final AuditBounds bounds = new AuditBounds(new AuditProperties(256, 2048, 10, null));

    @Test
    void aLongTextIsCutAndMarkedWithItsLengthAndHash() {
        String huge = "1".repeat(10 * 1024 * 1024);
        String cut = bounds.text(huge);
        assertThat(cut.length()).isLessThanOrEqualTo(256);
        assertThat(cut).startsWith("111").contains("[truncated: 10485760 chars, sha256 " + AuditChain.sha256(huge) + "]");
        assertThat(bounds.text("kort")).isEqualTo("kort");
    }

    @Test
    void everyTextInTheDetailsAndTheDetailsAsAWholeAreBounded() {
        Map<String, Object> one = bounds.details(Map.of("note", "x".repeat(100_000)));
        assertThat(((String) one.get("note")).length()).isLessThanOrEqualTo(256);

        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("k" + i, "y".repeat(200));
        }
        Map<String, Object> marked = bounds.details(many);
        assertThat(AuditChain.canonicalJson(marked).length()).isLessThanOrEqualTo(2048);
        assertThat(marked.get("truncated")).isEqualTo(true);
        assertThat((String) marked.get("sha256")).hasSize(64);
        assertThat((List<Object>) marked.get("keys")).contains("k0");
    }

    @Test
    void beforeAndAfterBecomeTheChangedFieldsAsJsonValues() {
        Map<String, Object> before = new LinkedHashMap<>(Map.of("name", "Gården", "places", 5, "version", 3,
                "tags", List.of("a")));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("name", "Gården", "places", 6, "version", 4,
                "tags", List.of("a", "b")));
        Map<String, Object> details = bounds.details(Map.of("before", before, "after", after));
        assertThat(details).containsOnlyKeys("changes");
        assertThat((List<Object>) details.get("changes")).containsExactlyInAnyOrder(
                Map.of("field", "places", "before", 5L, "after", 6L),
                Map.of("field", "tags", "before", List.of("a"), "after", List.of("a", "b")));
        // Small facts stay as they are, numbers as numbers (not their text).
        assertThat(bounds.details(Map.of("methodId", "m", "count", 3))).isEqualTo(Map.of("methodId", "m", "count", 3L));
    }

    @Test
    void aCreationOrARemovalListsItsFieldsInTheSameShape() {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("before", null);
        created.put("after", Map.of("name", "Gården", "version", 1));
        created.put("account", "anna");
        Map<String, Object> details = bounds.details(created);
        assertThat(details).containsOnlyKeys("changes", "account");
        assertThat((List<Object>) details.get("changes")).containsExactly(
                new LinkedHashMap<>(Map.of("field", "name", "after", "Gården")) {
                    {
                        put("before", null);
                    }
                });
        Map<String, Object> removed = bounds.details(Map.of("before", Map.of("active", true)));
        assertThat((List<Map<String, Object>>) removed.get("changes")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("before", true).containsEntry("after", null));
        // Text called before/after that is no object stays as it is.
        assertThat(bounds.details(Map.of("before", "x", "after", Map.of()))).containsKeys("before", "after");
    }

    @Test
    void theCanonicalJsonIsTheSameBeforeAndAfterTheRoundTrip() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1L);
        a.put("a", List.of(Map.of("y", 2.5, "x", true)));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", List.of(new LinkedHashMap<>(Map.of("x", true, "y", 2.5))));
        b.put("b", 1);
        assertThat(AuditChain.canonicalJson(a)).isEqualTo(AuditChain.canonicalJson(b))
                .isEqualTo("{\"a\":[{\"x\":true,\"y\":2.5}],\"b\":1}");
    }
}
