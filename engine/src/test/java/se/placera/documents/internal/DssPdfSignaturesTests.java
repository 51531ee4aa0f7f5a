package se.placera.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.placera.documents.PdfSignatures.Signer;
import se.placera.documents.PdfSignatures.Validation;

/** IN-3: PAdES B-T with the local test CA, two signers in order, validated by DSS; tampering is detected. */
class DssPdfSignaturesTests {

    static PdfADocuments documents;
    static DssPdfSignatures signatures;
    static byte[] pdf;

    static final Signer KOMMUN = new Signer("handlaggare", "Anna Handläggare", "Exempelkommun", "Avtal godkänt",
            "Uppsala");
    static final Signer UTFORARE = new Signer("utforare-1", "Örjan Ägare", "Ängsgården Omsorg AB",
            "Avtal godkänt", "Uppsala");

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of("target", "signing-tests");
        documents = new PdfADocuments(Duration.ofSeconds(2));
        signatures = new DssPdfSignatures(dir.toString(), "test-password", Clock.systemUTC(), documents);
        pdf = documents.pdfA(documents.render("t", "<h1>Placeringsavtal</h1><p>Dygnsavgift ${p} kronor för Åsa.</p>",
                Map.of("p", 4100), "Placeringsavtal"), "Placeringsavtal");
    }

    @AfterAll
    static void stop() {
        documents.close();
    }

    @Test
    void theMunicipalityAndTheProviderSignInOrderAndBothSignaturesValidate() {
        byte[] once = signatures.signLocally(pdf, KOMMUN);
        Validation first = signatures.validate(once);
        assertThat(first.problems()).isEmpty();
        assertThat(first.valid()).isTrue();
        assertThat(first.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signedBy()).isEqualTo("Anna Handläggare");
            assertThat(s.intact()).isTrue();
            assertThat(s.timestamped()).isTrue();
        });
        assertThat(first.report()).contains("SimpleReport");

        byte[] twice = signatures.signLocally(once, UTFORARE);
        Validation second = signatures.validate(twice);
        assertThat(second.problems()).isEmpty();
        assertThat(second.signatures()).extracting(s -> s.signedBy())
                .containsExactlyInAnyOrder("Anna Handläggare", "Örjan Ägare");
        assertThat(second.pdfA()).isTrue();
        assertThat(Files.exists(Path.of("target", "signing-tests", "ca.p12"))).isTrue();
    }

    @Test
    void aTamperedPdfIsDetected() {
        byte[] signed = signatures.signLocally(pdf, KOMMUN);
        byte[] changed = Arrays.copyOf(signed, signed.length);
        int at = indexOf(changed, "Placera".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        changed[at] = 'Q';
        Validation tampered = signatures.validate(changed);
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.signatures()).allSatisfy(s -> assertThat(s.intact()).isFalse());

        byte[] appended = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy("\n%tillagt\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 10);
        Validation afterSigning = signatures.validate(appended);
        assertThat(afterSigning.unchanged()).isFalse();
        assertThat(afterSigning.valid()).isFalse();

        assertThat(signatures.validate(pdf).valid()).as("an unsigned PDF").isFalse();
    }

    static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
