package se.placera.documents.internal;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.KeyStoreSignatureTokenConnection;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.placera.documents.ArchivalDocuments;
import se.placera.documents.PdfSignatures;

/**
 * PAdES B-T with EU DSS 6.4 on PDFBox: the signer's key from the {@link LocalTestCa}, the timestamp from the local
 * timestamp authority (a {@link KeyEntityTSPSource} on the CA's TSA key). Validation is offline with the local CA
 * as the only trust anchor; a signature from elsewhere is reported, not trusted.
 */
@Component
class DssPdfSignatures implements PdfSignatures {

    private final LocalTestCa ca;
    private final Clock clock;
    private final ArchivalDocuments documents;

    DssPdfSignatures(@Value("${placera.signing.local.directory:${placera.embedded-db.data-dir:./data}/signing}")
            String directory, @Value("${placera.signing.local.password:placera-local-test-ca}") String password,
            Clock clock, ArchivalDocuments documents) {
        this.ca = new LocalTestCa(Path.of(directory), password, clock);
        this.clock = clock;
        this.documents = documents;
    }

    @Override
    public byte[] signLocally(byte[] pdf, Signer signer) {
        KeyStore store = ca.signer(signer.id(), signer.name(), signer.organisation());
        java.io.ByteArrayOutputStream p12 = new java.io.ByteArrayOutputStream();
        try {
            store.store(p12, ca.password());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The signer's key cannot be read: " + e.getMessage(), e);
        }
        try (KeyStoreSignatureTokenConnection token = new KeyStoreSignatureTokenConnection(p12.toByteArray(),
                "PKCS12", new KeyStore.PasswordProtection(ca.password()))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(key.getCertificate());
            parameters.setCertificateChain(key.getCertificateChain());
            parameters.setSignerName(signer.name());
            parameters.setReason(signer.reason());
            parameters.setLocation(signer.location());
            parameters.bLevel().setSigningDate(Date.from(clock.instant()));
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            service.setTspSource(tsp());
            DSSDocument document = new InMemoryDocument(pdf);
            ToBeSigned data = service.getDataToSign(document, parameters);
            SignatureValue value = token.sign(data, parameters.getDigestAlgorithm(), key);
            DSSDocument signed = service.signDocument(document, parameters, value);
            return signed.openStream().readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The PDF cannot be signed: " + e.getMessage(), e);
        }
    }

    private KeyEntityTSPSource tsp() {
        KeyEntityTSPSource tsp = new KeyEntityTSPSource(ca.tsa(), LocalTestCa.ALIAS, ca.password());
        tsp.setTsaPolicy("1.2.752.0.1.1");
        tsp.setProductionTime(Date.from(clock.instant()));
        tsp.setDigestAlgorithm(DigestAlgorithm.SHA256);
        return tsp;
    }

    @Override
    public Validation validate(byte[] pdf) {
        List<String> problems = new ArrayList<>();
        List<SignatureCheck> checks = new ArrayList<>();
        String report = null;
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setAIASource(null);
            verifier.setOcspSource(null);
            verifier.setCrlSource(null);
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            trusted.addCertificate(new CertificateToken(ca.caCertificate()));
            verifier.setTrustedCertSources(trusted);
            validator.setCertificateVerifier(verifier);
            Reports reports = validator.validateDocument();
            report = reports.getXmlSimpleReport();
            for (SignatureWrapper s : reports.getDiagnosticData().getSignatures()) {
                Indication indication = reports.getSimpleReport().getIndication(s.getId());
                SubIndication sub = reports.getSimpleReport().getSubIndication(s.getId());
                boolean timestamped = !s.getTimestampList().isEmpty();
                String by = s.getSigningCertificate() == null ? null : s.getSigningCertificate().getCommonName();
                checks.add(new SignatureCheck(s.getId(), by, s.getClaimedSigningTime() == null ? null
                        : s.getClaimedSigningTime().toInstant(), indication == null ? null : indication.name(),
                        sub == null ? null : sub.name(), s.isSignatureIntact(), s.isSignatureValid(), timestamped));
                if (!s.isSignatureIntact()) {
                    problems.add("The signature of " + by + " does not match the document: it was changed after "
                            + "signing.");
                } else if (!s.isSignatureValid()) {
                    problems.add("The signature of " + by + " is not valid.");
                } else if (!timestamped) {
                    problems.add("The signature of " + by + " has no timestamp.");
                }
            }
        } catch (RuntimeException e) {
            problems.add("The PDF's signatures cannot be read: " + e.getMessage());
        }
        if (checks.isEmpty() && problems.isEmpty()) {
            problems.add("The PDF has no signature.");
        }
        boolean unchanged = coversWholeFile(pdf);
        if (!unchanged) {
            problems.add("Something was added to the PDF after the last signature.");
        }
        ArchivalDocuments.Conformance conformance = documents.conformance(pdf);
        if (!conformance.compliant()) {
            problems.add("The signed PDF is no longer PDF/A-2b: " + conformance.failures());
        }
        return new Validation(problems.isEmpty(), List.copyOf(checks), unchanged, conformance.compliant(),
                List.copyOf(problems), report);
    }

    /** The last signature's byte range ends at the end of the file: nothing was appended after it. */
    static boolean coversWholeFile(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            long end = -1;
            for (PDSignature s : doc.getSignatureDictionaries()) {
                int[] range = s.getByteRange();
                if (range != null && range.length == 4) {
                    end = Math.max(end, (long) range[2] + range[3]);
                }
            }
            return end == pdf.length;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
