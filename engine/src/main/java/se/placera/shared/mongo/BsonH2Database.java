package se.placera.shared.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database whose collections keep their documents as BSON ({@link BsonDocumentType});
 * the same map names as the original ({@code databases.<db>.<collection>}, {@code meta.<db>.<collection>}), so
 * a file written before opens as it was.
 */
final class BsonH2Database extends H2Database {

    static final String DATA_PREFIX = "databases.";

    /** The store while the constructor runs: H2Database's constructor opens the system collections. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private BsonH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static BsonH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new BsonH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = this.store != null ? this.store : OPENING.get();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName, dataMap());
        MVMap<String, Object> meta = store.openMap("meta." + fullName);
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    static MVMap.Builder<Object, Document> dataMap() {
        return new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE);
    }

    /** Whether an MVStore map holds a collection's documents (system collections included: all are opened here). */
    static boolean isDataMap(String mapName) {
        return mapName.startsWith(DATA_PREFIX);
    }
}
