package se.placera.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps in-memory caches right when two or more instances share one database. Each watched name (by convention the
 * collection a cache copies) has a counter in {@code cache_generations}; a change bumps it with {@code $inc}. A
 * cache asks its {@link Watch} before it serves: at most once per {@code placera.cache.check-interval} (default
 * 1 s) the instance reads the few counters in one query, and a watch whose counter moved because of another
 * instance's write tells its cache to reload. So a change on one instance is seen on the others within the check
 * interval; on the instance that made it, at once (that cache updates itself).
 *
 * <p>Writes through {@link MongoTemplate#insert}/{@code save}/{@code remove} (and bulk inserts) to a watched
 * collection bump its counter automatically (Spring Data's mapping events); a cache that writes otherwise
 * ({@code updateFirst}, {@code findAndModify}) calls {@link #bump(String)}.
 */
@Component
public class CacheGenerations extends AbstractMongoEventListener<Object> {

    static final String COLLECTION = "cache_generations";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private volatile Map<String, Long> seen = Map.of();
    private volatile Instant readAt = Instant.MIN;

    CacheGenerations(MongoTemplate mongo, Clock clock,
            @Value("${placera.cache.check-interval:1s}") Duration interval) {
        this.mongo = mongo;
        this.clock = clock;
        this.interval = interval;
    }

    /** The watch of a cache of {@code name}; one per name. */
    public Watch watch(String name) {
        return watches.computeIfAbsent(name, n -> new Watch(n, current(n)));
    }

    /** Records a change of {@code name}: every instance's cache of it reloads (this instance's, only if it missed one). */
    public void bump(String name) {
        Document d = mongo.getMongoDatabaseFactory().getMongoDatabase().getCollection(COLLECTION)
                .findOneAndUpdate(new Document("_id", name), new Document("$inc", new Document("generation", 1L)),
                        new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)
                                .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        Watch w = watches.get(name);
        if (w != null && d != null) {
            w.ownChange(((Number) d.get("generation")).longValue());
        }
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        if (watches.containsKey(event.getCollectionName())) {
            bump(event.getCollectionName());
        }
    }

    @Override
    public void onAfterDelete(AfterDeleteEvent<Object> event) {
        if (watches.containsKey(event.getCollectionName())) {
            bump(event.getCollectionName());
        }
    }

    private long current(String name) {
        refresh(true);
        return seen.getOrDefault(name, 0L);
    }

    /** Reads all counters if the last read is older than the interval (or when forced). */
    private void refresh(boolean force) {
        Instant now = clock.instant();
        if (!force && readAt.plus(interval).isAfter(now)) {
            return;
        }
        synchronized (this) {
            if (!force && readAt.plus(interval).isAfter(clock.instant())) {
                return;
            }
            Map<String, Long> read = new HashMap<>();
            mongo.getMongoDatabaseFactory().getMongoDatabase().getCollection(COLLECTION).find()
                    .forEach(d -> read.put(String.valueOf(d.get("_id")), ((Number) d.get("generation")).longValue()));
            seen = read;
            readAt = clock.instant();
        }
    }

    /** One cache's view of its counter. */
    public final class Watch {

        private final String name;
        private long known;

        Watch(String name, long known) {
            this.name = name;
            this.known = known;
        }

        /**
         * True once when another instance changed the data since the cache last (re)loaded: the caller then drops
         * and reloads its copy. Cheap: it reads the database at most once per check interval.
         */
        public synchronized boolean changed() {
            refresh(false);
            long now = seen.getOrDefault(name, 0L);
            if (now > known) {
                known = now;
                return true;
            }
            return false;
        }

        /** This instance made the change that took the counter to {@code generation}. */
        synchronized void ownChange(long generation) {
            if (generation == known + 1) {
                known = generation;
            }
        }

        @Override
        public String toString() {
            return name + "@" + known;
        }
    }
}
