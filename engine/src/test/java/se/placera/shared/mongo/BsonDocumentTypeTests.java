package se.placera.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Issue #18, item 4: documents are written to the file as BSON, and files written before still read. */
class BsonDocumentTypeTests {

    static Document sample() {
        Document nested = new Document("n", 1).append("list", List.of("a", 2L, 3.5, true));
        return new Document("_id", 42L).append("text", "Åsa Öberg").append("int", 7).append("long", 1L << 40)
                .append("double", 0.1).append("bool", false).append("null", null)
                .append("at", Instant.parse("2026-12-02T14:00:00.123Z")).append("oid", new ObjectId())
                .append("uuid", UUID.randomUUID()).append("bytes", new de.bwaldvogel.mongo.bson.BinData(new byte[] {1, 2, 3})).append("nested", nested);
    }

    static Document roundTrip(Document d) {
        WriteBuffer out = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(out, d);
        ByteBuffer in = out.getBuffer();
        in.flip();
        Document read = BsonDocumentType.INSTANCE.read(in);
        assertThat(in.remaining()).as("the value is read to its end").isZero();
        return read;
    }

    @Test
    void aDocumentComesBackAsItWasWritten() {
        Document d = sample();
        Document read = roundTrip(d);
        assertThat(read.keySet()).containsExactlyElementsOf(d.keySet());
        d.forEach((k, v) -> {
            assertThat(read.get(k)).as(k).isEqualTo(v);
        });
    }

    @Test
    void aValueBsonHasNoTypeForIsKeptAsBefore() {
        Document d = new Document("_id", 3L).append("raw", new java.util.ArrayList<>(List.of(new StringBuilder("x"))));
        d.put("odd", new java.util.concurrent.atomic.AtomicInteger(5));
        Document read = roundTrip(d);
        assertThat(read.get("odd").toString()).isEqualTo("5");
    }

    @Test
    void aValueWrittenByJavaSerialisationIsStillRead() {
        Document d = new Document("_id", 1L).append("text", "gammal").append("at", Instant.EPOCH);
        WriteBuffer out = new WriteBuffer();
        new ObjectDataType().write(out, d);
        ByteBuffer in = out.getBuffer();
        in.flip();
        assertThat(BsonDocumentType.INSTANCE.read(in)).isEqualTo(d);
    }

    @Test
    void bsonIsFarSmallerThanJavaSerialisation() {
        Document d = sample();
        WriteBuffer java = new WriteBuffer();
        new ObjectDataType().write(java, d);
        assertThat(BsonDocumentType.storedSize(new Document())).isEqualTo(1 + 5);
        assertThat(BsonDocumentType.storedSize(d)).isLessThan(java.position() / 2);
    }

    /** A file whose documents were Java-serialized opens with the BSON type; old and new values live side by side. */
    @Test
    void aFileWrittenBeforeOpensAndMixesBothForms() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bson-document-type"));
        Path file = dir.resolve("mixed-" + UUID.randomUUID() + ".mv");
        MVStore before = MVStore.open(file.toString());
        MVMap<Object, Object> legacy = before.openMap("databases.placera.things");
        legacy.put(1L, new Document("_id", 1L).append("text", "förr"));
        before.close();

        MVStore after = MVStore.open(file.toString());
        MVMap<Object, Document> map = after.openMap("databases.placera.things", BsonH2Database.dataMap());
        assertThat(map.get(1L).get("text")).isEqualTo("förr");
        map.put(2L, new Document("_id", 2L).append("text", "nu"));
        after.close();

        MVStore again = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        MVMap<Object, Document> reread = again.openMap("databases.placera.things", BsonH2Database.dataMap());
        assertThat(reread.get(1L).get("text")).isEqualTo("förr");
        assertThat(reread.get(2L).get("text")).isEqualTo("nu");
        again.close();
        Files.deleteIfExists(file);
    }

    /** The file-backed backend of the app writes BSON: its values are no longer readable as Java serialization. */
    @Test
    void theAppsBackendWritesBson() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bson-document-type"));
        Path file = dir.resolve("backend-" + UUID.randomUUID() + ".mv");
        var backend = new DurableH2Backend(MVStore.open(file.toString()), false);
        var server = new de.bwaldvogel.mongo.MongoServer(backend);
        var address = server.bind();
        try (var client = com.mongodb.client.MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort())) {
            client.getDatabase("placera").getCollection("things")
                    .insertOne(new org.bson.Document("_id", "a").append("text", "bson"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
        MVStore raw = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                MVMap<Object, Object> plain = raw.openMap("databases.placera.things");
                plain.values().forEach(Object::toString);
            }).as("a BSON value is not Java serialization").hasMessageContaining("Unsupported type -75");
        } finally {
            raw.closeImmediately();
        }
        MVStore typed = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Document> map = typed.openMap("databases.placera.things", BsonH2Database.dataMap());
            assertThat(map.values()).extracting(d -> d.get("text")).containsExactly("bson");
        } finally {
            typed.closeImmediately();
        }
        Files.deleteIfExists(file);
    }
}
