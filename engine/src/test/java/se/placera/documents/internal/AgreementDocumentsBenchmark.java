package se.placera.documents.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.placera.documents.PdfSignatures;

/**
 * Agreements (#15): one agreement (the standard HVB template's body with a realistic model) rendered to PDF/A-2b
 * warm, then signed (PAdES B-T, local CA and timestamp) and validated with DSS, one at a time after a warm-up;
 * reports p50/p95 in milliseconds, also to {@code target/agreement-benchmark.txt}. Not part of the normal test run
 * (the name does not end in Tests): {@code mvn -o -pl engine test -Dtest=AgreementDocumentsBenchmark}.
 */
class AgreementDocumentsBenchmark {

    static final int WARM_UP = Integer.getInteger("bench.warmup", 10);
    static final int RUNS = Integer.getInteger("bench.runs", 30);

    @Test
    void renderAndSign() throws Exception {
        String body = Files.readString(Path.of("..", "templates", "agreements", "hvb-barn-unga-ramavtal.ftlh"));
        Map<String, Object> model = Map.of(
                "municipality", Map.of("name", "Exempelkommun", "administration", "Socialförvaltningen"),
                "case", Map.of("id", "c-1", "legalBasis", "sol", "responsible", "Anna Handläggare"),
                "client", Map.of("name", "Åsa Öberg", "birthDate", "2012-03-15"),
                "placement", Map.of("startDate", "2027-01-20", "pricePerDay", 4100),
                "unit", Map.of("name", "Ängsgårdens HVB", "address", "Ängsvägen 1, 752 20 Uppsala",
                        "noticePeriodDays", 30),
                "provider", Map.of("name", "Ängsgården Omsorg AB", "orgNumber", "556000-0000"),
                "framework", Map.of("name", "HVB Barn och unga", "validTo", "2028-12-31"),
                "agreement", Map.of("number", "AVT-2027-0001", "date", "2027-01-10"),
                "free", Map.of("uppdrag", "Boende och behandling enligt genomförandeplanen.", "sarskildaVillkor",
                        "Skolskjuts ordnas av utföraren."));
        PdfADocuments documents = new PdfADocuments(Duration.ofSeconds(2));
        DssPdfSignatures signatures = new DssPdfSignatures("target/signing-benchmark", "bench", Clock.systemUTC(),
                documents);
        PdfSignatures.Signer signer = new PdfSignatures.Signer("bench", "Anna Handläggare", "Exempelkommun",
                "Avtal", "Uppsala");
        List<Long> render = new ArrayList<>();
        List<Long> sign = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = documents.pdfA(documents.render("hvb", body, model, "Placeringsavtal"), "Placeringsavtal");
            long t1 = System.nanoTime();
            PdfSignatures.Validation v = signatures.validate(signatures.signLocally(pdf, signer));
            long t2 = System.nanoTime();
            if (!v.valid()) {
                throw new AssertionError(v.problems());
            }
            if (i >= WARM_UP) {
                render.add((t1 - t0) / 1_000_000);
                sign.add((t2 - t1) / 1_000_000);
            }
        }
        documents.close();
        String report = "render PDF/A-2b: " + stats(render) + "\nsign PAdES B-T + validate (DSS, PDF/A check): "
                + stats(sign) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target", "agreement-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    static String stats(List<Long> ms) {
        long[] s = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        return "p50 " + s[s.length / 2] + " ms, p95 " + s[(int) Math.ceil(s.length * 0.95) - 1] + " ms, max "
                + s[s.length - 1] + " ms (" + s.length + " runs: " + Arrays.toString(s) + ")";
    }
}
