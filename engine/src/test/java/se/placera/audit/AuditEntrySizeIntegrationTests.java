package se.placera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityFixtures;
import se.placera.shared.mongo.BsonDocumentType;
import se.placera.security.IdentityTestBase;
import se.placera.support.Api;

/**
 * Issue #18, item 4: what an audit entry costs on disk. The embedded database keeps each document as the value
 * of an MVStore map, written by {@link BsonDocumentType} (before #18 by MVStore's {@link ObjectDataType}, Java
 * serialization, also printed); that is the figure measured here, entry by entry. The tests run the database in
 * memory, where nothing is serialized, so the entries are measured as the file-backed database writes them. A read of client data must stay in the log,
 * but at most {@value #READ_ENTRY_BUDGET} bytes.
 */
class AuditEntrySizeIntegrationTests extends IdentityTestBase {

    static final int READ_ENTRY_BUDGET = 300;

    @Autowired
    H2Backend backend;

    @Test
    void aReadOfClientDataCostsAtMostThreeHundredBytesOnDisk() throws Exception {
        String methodId = unique("storlek-metod");
        IdentityFixtures.publish(admin(), methodId);
        String clientId = unique("klient");
        JsonNode started = IdentityFixtures.start(Api.at(port).asCaseworker(), methodId, clientId);
        String id = started.get("responseId").asString();
        Api.at(port).asCaseworker().get("/api/responses/" + id).expect(200);
        Api.at(port).asCaseworker().get("/api/responses/" + id).expect(200);

        // The read is still logged, findable by the response and by the client.
        assertThat(admin().get("/api/audit?subjectId=" + clientId + "&action=response.read").expect(200).json()
                .size()).isEqualTo(2);

        Map<String, List<Integer>> sizes = storedSizes(id);
        String report = String.format(Locale.ROOT, "Audit entry sizes (MVStore value bytes) of response %s: %s%n",
                id, sizes);
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "audit-entry-sizes.txt"), report);
        assertThat(sizes.get("response.read")).hasSize(2)
                .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(READ_ENTRY_BUDGET));
    }

    /** The on-disk size of every entry of the response, by action. */
    Map<String, List<Integer>> storedSizes(String responseId) throws Exception {
        MVStore store = store();
        String name = store.getMapNames().stream().filter(n -> n.startsWith("databases.") && n.endsWith(".audit_log")).findFirst().orElseThrow();
        MVMap<Object, Object> map = store.openMap(name);
        ObjectDataType type = new ObjectDataType();
        Map<String, List<Integer>> sizes = new java.util.TreeMap<>();
        for (Object value : map.values()) {
            if (value instanceof de.bwaldvogel.mongo.bson.Document d && d.toString().contains(responseId)) {
                WriteBuffer buffer = new WriteBuffer();
                type.write(buffer, d);
                String action = String.valueOf(d.containsKey("action") ? d.get("action") : d.get("x"));
                sizes.computeIfAbsent(action, k -> new ArrayList<>()).add(BsonDocumentType.storedSize(d));
                sizes.computeIfAbsent(action + " (as Java-serialized before #18)", k -> new ArrayList<>())
                        .add(buffer.position());
            }
        }
        return sizes;
    }

    MVStore store() throws ReflectiveOperationException {
        var field = H2Backend.class.getDeclaredField("mvStore");
        field.setAccessible(true);
        return (MVStore) field.get(backend);
    }
}
