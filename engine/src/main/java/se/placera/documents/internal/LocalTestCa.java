package se.placera.documents.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A local test CA for the local signing provider: on first use it creates, under its folder, a CA
 * ({@code ca.p12}), a timestamp authority ({@code tsa.p12}) and then one PKCS#12 key per signer
 * ({@code signers/<hash of the id>.p12}). Not a qualified CA: agreements signed with it are for demonstration and
 * tests, or for a municipality that accepts advanced signatures from its own CA. Certificates are dated by the
 * injected clock.
 */
final class LocalTestCa {

    static final String ALIAS = "key";

    private final Path directory;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, KeyStore> signers = new ConcurrentHashMap<>();
    private volatile KeyStore ca;
    private volatile KeyStore tsa;

    LocalTestCa(Path directory, String password, Clock clock) {
        this.directory = directory;
        this.password = password.toCharArray();
        this.clock = clock;
    }

    char[] password() {
        return password.clone();
    }

    synchronized KeyStore ca() {
        if (ca == null) {
            ca = loadOrCreate(directory.resolve("ca.p12"), () -> {
                KeyPair pair = rsa();
                X509Certificate cert = certificate("Placera lokal test-CA", "Placera", pair, null, null, true, null);
                return store(pair.getPrivate(), cert);
            });
        }
        return ca;
    }

    synchronized KeyStore tsa() {
        if (tsa == null) {
            KeyStore authority = ca();
            tsa = loadOrCreate(directory.resolve("tsa.p12"), () -> {
                KeyPair pair = rsa();
                X509Certificate cert = certificate("Placera lokal tidsstämpel", "Placera", pair, authority, null,
                        false, KeyPurposeId.id_kp_timeStamping);
                return store(pair.getPrivate(), cert, caCertificate());
            });
        }
        return tsa;
    }

    KeyStore signer(String id, String name, String organisation) {
        return signers.computeIfAbsent(id, k -> {
            synchronized (this) {
                KeyStore authority = ca();
                return loadOrCreate(directory.resolve("signers").resolve(hash(id) + ".p12"), () -> {
                    KeyPair pair = rsa();
                    X509Certificate cert = certificate(name, organisation, pair, authority, id, false, null);
                    return store(pair.getPrivate(), cert, caCertificate());
                });
            }
        });
    }

    X509Certificate caCertificate() {
        try {
            return (X509Certificate) ca().getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Creator {
        KeyStore create() throws Exception;
    }

    private KeyStore loadOrCreate(Path file, Creator creator) {
        try {
            if (Files.exists(file)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, password);
                }
                return ks;
            }
            KeyStore ks = creator.create();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException("The local test CA cannot use " + file + ": " + e.getMessage(), e);
        }
    }

    private KeyStore store(PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        ks.setKeyEntry(ALIAS, key, password, chain);
        return ks;
    }

    private KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, random);
        return g.generateKeyPair();
    }

    private X509Certificate certificate(String name, String organisation, KeyPair pair, KeyStore issuer,
            String serialSource, boolean isCa, KeyPurposeId purpose) throws Exception {
        Instant now = clock.instant();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.O, organisation == null || organisation.isBlank() ? "Placera" : organisation)
                .addRDN(BCStyle.C, "SE");
        X509Certificate issuerCert = issuer == null ? null : (X509Certificate) issuer.getCertificate(ALIAS);
        PrivateKey issuerKey = issuer == null ? pair.getPrivate() : (PrivateKey) issuer.getKey(ALIAS, password);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                issuerCert == null ? subject.build() : new JcaX509CertificateHolder(issuerCert).getSubject(),
                new BigInteger(64, random).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(isCa ? 3650 : 1825))), subject.build(), pair.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (purpose != null) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
