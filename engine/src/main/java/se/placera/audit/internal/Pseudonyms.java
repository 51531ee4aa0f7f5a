package se.placera.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of values the audit log must not keep as given, such as the user name typed at a
 * failed login (often a personal identity number). The key is {@code placera.audit.pseudonym-key} (Base64) or,
 * when that is not set, 32 random bytes generated at first use and kept in {@code audit_settings}, so the same
 * name gives the same pseudonym after a restart (an administrator can search for it) while nobody reading the
 * log can test guesses without the key.
 */
@Component
class Pseudonyms {

    static final String COLLECTION = "audit_settings";
    private static final String KEY_ID = "pseudonym-key";

    private final MongoTemplate mongo;
    private final String configured;
    private volatile byte[] key;

    Pseudonyms(MongoTemplate mongo, AuditProperties props) {
        this.mongo = mongo;
        this.configured = props.pseudonymKey();
    }

    /** The pseudonym of a value: 64 hex digits. */
    String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((value == null ? "" : value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = configured != null && !configured.isBlank() ? Base64.getDecoder().decode(configured.trim())
                            : stored();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] stored() {
        Query byId = Query.query(Criteria.where("_id").is(KEY_ID));
        Document found = mongo.findOne(byId, Document.class, COLLECTION);
        if (found == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new Document("_id", KEY_ID).append("key", Base64.getEncoder().encodeToString(fresh)),
                        COLLECTION);
                return fresh;
            } catch (DuplicateKeyException raced) {
                found = mongo.findOne(byId, Document.class, COLLECTION);
            }
        }
        return Base64.getDecoder().decode(found.getString("key"));
    }
}
