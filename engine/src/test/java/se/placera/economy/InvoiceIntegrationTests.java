package se.placera.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** EC-3 over HTTP: import, flags, decisions (versioned), duplicates, bad files, permissions and GD-1. */
@AppIntegrationTest
class InvoiceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PlacementLedger ledger;

    @Autowired
    se.placera.documents.Spreadsheets spreadsheets;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    String placement(String administration) {
        String id = "fakt-" + UUID.randomUUID();
        ledger.record(new PlacementLedger.LedgerPlacement(id, administration, null, "Team", "handlaggare", "ingen-enhet",
                "ingen", "barn-unga", "hvb-barn-unga", "pojke", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 20),
                425_000L, null, List.of(), List.of(), List.of()));
        return id;
    }

    Api.Response upload(Api api, String body, String type) {
        return api.raw("/api/economy/invoices?filename=faktura", type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anInvoiceIsReconciledItsFlagsDecidedAndTheSameInvoiceIsRecognised() {
        String p = placement("exempelkommun-sof");
        String number = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String xml = PeppolInvoiceWriter.write(number, LocalDate.of(2026, 4, 2), "Norrgården AB", "556677-8899",
                "Exempelkommun", List.of(new PeppolInvoiceWriter.Line(p, null, LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 31), 31, 430_000, 13_330_000)), 13_330_000);
        // READ may not import.
        assertThat(upload(Api.at(port).asCaseworker(), xml, "application/xml").status()).isEqualTo(403);
        JsonNode inv = upload(admin(), xml, "application/xml").expect(201).json();
        assertThat(inv.get("format").asString()).isEqualTo("peppol-bis-3");
        assertThat(inv.get("status").asString()).isEqualTo("att-granska");
        assertThat(inv.get("flags").toString()).contains("WRONG_PRICE").contains("DAYS_OUTSIDE");
        assertThat(inv.at("/lines/0/expectedDays").asLong()).isEqualTo(20);
        assertThat(inv.at("/lines/0/expectedOre").asLong()).isEqualTo(20 * 425_000L);
        String id = inv.get("id").asString();
        // The same invoice again: 409, nothing new.
        assertThat(upload(admin(), xml, "application/xml").expect(409).json().get("code").asString())
                .isEqualTo("ECONOMY_INVOICE_DUPLICATE");
        assertThat(upload(admin(), xml.replace("<cbc:DocumentCurrencyCode>", "<cbc:Note>igen</cbc:Note><cbc:DocumentCurrencyCode>"),
                "text/xml").status()).isEqualTo(409);

        String flag = inv.at("/flags/0/id").asString();
        String path = "/api/economy/invoices/" + id + "/flags/" + flag + "/decision";
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "bestridd"));
        assertThat(admin().post(path, decision).status()).isEqualTo(428);
        decision.put("revision", inv.get("revision").asLong());
        assertThat(admin().post(path, decision).expect(400).text()).contains("/note");
        decision.put("note", "Avtalat pris är 4 250 kr");
        JsonNode decided = admin().post(path, decision).expect(200).json();
        assertThat(decided.at("/flags/0/decision").asString()).isEqualTo("bestridd");
        assertThat(decided.at("/flags/0/decidedBy").asString()).isEqualTo("admin");
        assertThat(admin().post(path, decision).expect(409).json().get("code").asString()).isEqualTo("ECONOMY_CHANGED");
        // READ sees it; another administration does not.
        assertThat(Api.at(port).asCaseworker().get("/api/economy/invoices").expect(200).text()).contains(id);
        Api omsorg = Api.at(port).as("omsorg", "placera-demo");
        assertThat(omsorg.get("/api/economy/invoices/" + id).expect(404).json().get("code").asString())
                .isEqualTo("ECONOMY_INVOICE_NOT_FOUND");
        assertThat(omsorg.get("/api/economy/invoices").expect(200).text()).doesNotContain(id);
        assertThat(admin().get("/api/audit?action=invoice.flag.decide&subjectId=" + id).expect(200).text()).contains(id);
        // The reconciled invoice as Excel: real numbers, not text.
        var xlsx = admin().download("/api/economy/invoices/" + id + "/export.xlsx").expect(200);
        var lines = spreadsheets.read(new java.io.ByteArrayInputStream(xlsx.bytes()), "Rader");
        assertThat(lines.rows().get(0).get(1)).isEqualTo(p);
        assertThat(lines.rows().get(0).get(6)).isEqualTo(133_300.0);
        assertThat(lines.rows().get(0).get(8)).isEqualTo(85_000.0);
        assertThat(omsorg.download("/api/economy/invoices/" + id + "/export.xlsx").status()).isEqualTo(404);
        var costs = spreadsheets.read(new java.io.ByteArrayInputStream(admin().download(
                "/api/economy/costs/export.xlsx?from=2026-03-01&to=2026-03-31&by=PLACEMENT").expect(200).bytes()), null);
        assertThat(costs.rows().stream().filter(r -> p.equals(r.get(0))).findFirst().orElseThrow().get(3))
                .isEqualTo(85_000.0);
    }

    @Test
    void aBadFileIsReportedByLineAndNothingIsImported() {
        String p = placement("exempelkommun-sof");
        String number = "C-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "fakturanummer;leverantor;orgnr;fakturadatum;placering;fran;till;dagar;pris;belopp\n"
                + number + ";Syd AB;556000-1111;2026-04-02;" + p + ";2026-03-01;2026-03-20;20;4250;85000\n"
                + number + ";Syd AB;556000-1111;2026-04-02;" + p + ";2026-03-21;2026-03-31;elva;4250;46750\n";
        int before = admin().get("/api/economy/invoices").expect(200).json().size();
        JsonNode bad = upload(admin(), csv, "text/csv").expect(400).json();
        assertThat(bad.get("code").asString()).isEqualTo("ECONOMY_INVOICE_UNREADABLE");
        assertThat(bad.toString()).contains("/lines/3");
        assertThat(admin().get("/api/economy/invoices").expect(200).json().size()).isEqualTo(before);
        JsonNode notXml = upload(admin(), "<Invoice><unclosed></Invoice>", "application/xml").expect(400).json();
        assertThat(notXml.toString()).contains("/lines/1");
        // The good half alone imports without a flag.
        String good = csv.substring(0, csv.lastIndexOf(number));
        JsonNode inv = upload(admin(), good, "text/csv").expect(201).json();
        assertThat(inv.get("flags").size()).isZero();
        assertThat(inv.get("status").asString()).isEqualTo("klar");
    }
}
