package se.placera.security.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Browser sessions live in the database ({@code http_sessions}), so a user signed in on one instance continues on
 * any other (OP-1). Spring Session's filter replaces the servlet container's sessions; this repository keeps them
 * in MongoDB. (The MongoDB module of Spring Session is not part of Spring Session 4's BOM and creates indexes
 * mongo-java-server does not have; this one uses plain reads and writes both servers support.) The CSRF token is
 * in its cookie, not in the session, so it is valid on every instance as it is.
 *
 * <p>A session is one document: id, times, and its attributes Java-serialised (the security context); reading them
 * back accepts only JDK, Spring and Placera classes. A request that changed nothing writes nothing, unless the last
 * access time moved by more than {@link MongoSessions#TOUCH}. Expired sessions are removed on read, by a TTL index
 * on MongoDB, and by a periodic job (the embedded server ignores TTL indexes).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class SessionConfiguration {

    @Bean
    MongoSessions sessionRepository(MongoTemplate mongo, Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new MongoSessions(mongo, clock, timeout);
    }

    /** The cookie keeps the name, flags and plain value the container's session cookie had. */
    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:false}") boolean secure,
            @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
        var cookies = new DefaultCookieSerializer();
        cookies.setCookieName("JSESSIONID");
        cookies.setCookiePath("/");
        cookies.setUseHttpOnlyCookie(true);
        cookies.setUseSecureCookie(secure);
        cookies.setSameSite(sameSite.isBlank() ? null : Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1));
        cookies.setUseBase64Encoding(false);
        return cookies;
    }

    static final class MongoSessions implements SessionRepository<MapSession> {

        private static final Logger log = LoggerFactory.getLogger(MongoSessions.class);
        static final String COLLECTION = "http_sessions";
        /** An unchanged session's last access is written at most this often (its expiry is that much coarser). */
        static final Duration TOUCH = Duration.ofMinutes(1);
        private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
                "java.**;javax.**;jakarta.**;org.springframework.**;se.placera.**;com.nimbusds.**;!*");

        private final MongoTemplate mongo;
        private final Clock clock;
        private final Duration timeout;
        /** What this instance last wrote per session (digest of attributes and access minute): skips no-op writes. */
        private final Map<String, String> written = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                        return size() > 10_000;
                    }
                });

        MongoSessions(MongoTemplate mongo, Clock clock, Duration timeout) {
            this.mongo = mongo;
            this.clock = clock;
            this.timeout = timeout;
            try {
                collection().createIndex(Indexes.ascending("expiresAt"),
                        new IndexOptions().expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS).name("expiresAt_ttl"));
            } catch (RuntimeException e) {
                log.debug("No TTL index on {}: {}", COLLECTION, e.toString());
            }
        }

        private MongoCollection<Document> collection() {
            return mongo.getCollection(COLLECTION);
        }

        @Override
        public MapSession createSession() {
            MapSession s = new MapSession();
            s.setCreationTime(clock.instant());
            s.setLastAccessedTime(s.getCreationTime());
            s.setMaxInactiveInterval(timeout);
            return s;
        }

        @Override
        public void save(MapSession session) {
            if (!session.getId().equals(session.getOriginalId())) {
                // A new id (login, session fixation): the old one is worthless from now on, on every instance.
                collection().deleteOne(Filters.eq("_id", session.getOriginalId()));
                written.remove(session.getOriginalId());
            }
            Map<String, Object> attributes = new HashMap<>();
            for (String name : session.getAttributeNames()) {
                attributes.put(name, session.getAttribute(name));
            }
            byte[] data = serialize(attributes);
            long minute = session.getLastAccessedTime().getEpochSecond() / TOUCH.toSeconds();
            String digest = digest(data, minute, session.getMaxInactiveInterval());
            if (digest.equals(written.get(session.getId()))) {
                return;
            }
            Instant expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
            Document doc = new Document("_id", session.getId())
                    .append("createdAt", Date.from(session.getCreationTime()))
                    .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                    .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                    .append("expiresAt", Date.from(expires))
                    .append("attributes", new Binary(data));
            collection().replaceOne(Filters.eq("_id", session.getId()), doc, new ReplaceOptions().upsert(true));
            written.put(session.getId(), digest);
        }

        @Override
        public MapSession findById(String id) {
            if (id == null || id.length() > 100) {
                return null;
            }
            Document doc = collection().find(Filters.eq("_id", id)).first();
            if (doc == null) {
                return null;
            }
            MapSession s = new MapSession(id);
            s.setCreationTime(doc.getDate("createdAt").toInstant());
            s.setLastAccessedTime(doc.getDate("lastAccessedAt").toInstant());
            s.setMaxInactiveInterval(Duration.ofSeconds(((Number) doc.get("maxInactiveSeconds")).longValue()));
            if (s.isExpired() || !s.getLastAccessedTime().plus(s.getMaxInactiveInterval()).isAfter(clock.instant())) {
                deleteById(id);
                return null;
            }
            Map<String, Object> attributes = deserialize(doc.get("attributes", Binary.class).getData());
            if (attributes == null) {
                deleteById(id);
                return null;
            }
            attributes.forEach(s::setAttribute);
            return s;
        }

        @Override
        public void deleteById(String id) {
            collection().deleteOne(Filters.eq("_id", id));
            written.remove(id);
        }

        @Scheduled(fixedDelayString = "${placera.security.session-cleanup-interval:10m}", initialDelay = 60_000)
        void removeExpired() {
            collection().deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
        }

        private static byte[] serialize(Map<String, Object> attributes) {
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(attributes instanceof Serializable ? attributes : new HashMap<>(attributes));
            } catch (IOException e) {
                throw new IllegalStateException("A session attribute is not serialisable", e);
            }
            return bytes.toByteArray();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> deserialize(byte[] data) {
            try (var in = new ObjectInputStream(new ByteArrayInputStream(data))) {
                in.setObjectInputFilter(CLASSES);
                return (Map<String, Object>) in.readObject();
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                // A session from an older release (or tampered with): the user signs in again.
                log.info("A stored session could not be read ({}); it is dropped", e.toString());
                return null;
            }
        }

        private static String digest(byte[] data, long minute, Duration maxInactive) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(data);
                sha.update(ByteBuffer.allocate(16).putLong(minute).putLong(maxInactive.toSeconds()).array());
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
