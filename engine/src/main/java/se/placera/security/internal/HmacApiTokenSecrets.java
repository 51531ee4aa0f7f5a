package se.placera.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import se.placera.security.ApiTokenSecrets;

/**
 * API token values and their HMAC-SHA-256. The key is {@code placera.security.api-token-key} (at least 32 bytes,
 * base64; env {@code PLACERA_API_TOKEN_KEY}). Without it (development, the embedded default) 32 random bytes are
 * generated at first start and kept in the {@code secrets} collection with an insert-if-absent, so several
 * instances on one database agree on it; a warning says that production should configure it, since a key kept
 * next to the hashes protects nothing from someone holding a copy of the database.
 */
@Component
class HmacApiTokenSecrets implements ApiTokenSecrets {

    private static final Logger log = LoggerFactory.getLogger(HmacApiTokenSecrets.class);
    static final String SECRETS = "secrets";
    static final String KEY_ID = "api-token-key";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    HmacApiTokenSecrets(@Value("${placera.security.api-token-key:}") String configured, MongoTemplate mongo) {
        byte[] bytes = configured == null || configured.isBlank() ? stored(mongo)
                : Base64.getDecoder().decode(configured.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("placera.security.api-token-key must be at least 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not hash an API token", e);
        }
    }

    private static byte[] stored(MongoTemplate mongo) {
        Query byId = Query.query(Criteria.where("_id").is(KEY_ID));
        Document existing = mongo.findOne(byId, Document.class, SECRETS);
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new Document("_id", KEY_ID).append("value", Base64.getEncoder().encodeToString(fresh)),
                        SECRETS);
                log.warn("No placera.security.api-token-key is configured: generated one and stored it in the "
                        + "database. Configure the key outside the database in production (PLACERA_API_TOKEN_KEY).");
                return fresh;
            } catch (DuplicateKeyException raced) {
                existing = mongo.findOne(byId, Document.class, SECRETS);
            }
        }
        return Base64.getDecoder().decode(existing.getString("value"));
    }
}
