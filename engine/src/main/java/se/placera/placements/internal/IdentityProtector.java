package se.placera.placements.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps clients' personal identity numbers encrypted at rest (AES-256-GCM, a fresh nonce per value) and findable
 * by a keyed hash (HMAC-SHA-256), both from one master key: {@code placera.cases.identity-key} (32 bytes, base64).
 * Without a configured key (development, the embedded default) one is generated at first start and kept in the
 * database — several instances agree on it through an insert-if-absent — with a warning: a production installation
 * configures the key outside the database, or the encryption protects nothing from someone holding a copy of it.
 */
@Component
class IdentityProtector {

    private static final Logger log = LoggerFactory.getLogger(IdentityProtector.class);
    private static final String SECRETS = "secrets";
    private static final String KEY_ID = "case-identity-key";
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    IdentityProtector(@Value("${placera.cases.identity-key:}") String configured, MongoTemplate mongo) {
        byte[] master = configured.isBlank() ? storedKey(mongo) : Base64.getDecoder().decode(configured.strip());
        if (master.length != 32) {
            throw new IllegalStateException("placera.cases.identity-key must be 32 bytes, base64-encoded");
        }
        this.encryptionKey = new SecretKeySpec(derive(master, "placera case identity encryption"), "AES");
        this.lookupKey = new SecretKeySpec(derive(master, "placera case identity lookup"), "HmacSHA256");
    }

    /** {@code base64(nonce ‖ ciphertext ‖ tag)}. */
    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    String decrypt(String sealedBase64) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a stored identity (wrong placera.cases.identity-key?)", e);
        }
    }

    /** The look-up hash of a canonical number: equal numbers give equal hashes; the hash reveals nothing alone. */
    String lookupHash(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not hash", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] storedKey(MongoTemplate mongo) {
        Document existing = mongo.getCollection(SECRETS).find(new Document("_id", KEY_ID)).first();
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.getCollection(SECRETS).insertOne(new Document("_id", KEY_ID)
                        .append("value", Base64.getEncoder().encodeToString(fresh)));
                log.warn("No placera.cases.identity-key is configured: generated one and stored it in the database. "
                        + "Configure the key outside the database in production.");
            } catch (RuntimeException e) {
                if (!(e instanceof DuplicateKeyException) && !String.valueOf(e.getMessage()).contains("E11000")) {
                    throw e;
                }
            }
            existing = mongo.getCollection(SECRETS).find(new Document("_id", KEY_ID)).first();
        }
        return Base64.getDecoder().decode(existing.getString("value"));
    }
}
