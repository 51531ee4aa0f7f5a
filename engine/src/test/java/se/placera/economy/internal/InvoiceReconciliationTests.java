package se.placera.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.placera.economy.internal.EconomyFixtures.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.placera.economy.Invoices.FlagType;
import se.placera.economy.Invoices.InvoiceFlag;
import se.placera.economy.PeppolInvoiceWriter;

/** EC-3: reading Peppol BIS 3 and CSV invoices safely, and the flags of the reconciliation. */
class InvoiceReconciliationTests {

    static final LocalDate MAR1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MAR31 = LocalDate.of(2026, 3, 31);

    static PriceBook book() {
        return EconomyFixtures.book(List.of(unit("u1", "Norr", ramavtal("ra-hvb"), List.of(perDay(null, null, 4000)))));
    }

    /** p1: all of March at 4 250 kr; p2: 1–20 March at the unit's 4 000 kr, with a gap 10–12 March. */
    static Map<String, PricedPlacement> placements() {
        return Map.of("p1", placement("p1", "A", "u1", LocalDate.of(2026, 1, 1), null,
                List.of(new PricedPlacement.DatedPrice(LocalDate.of(2026, 1, 1), 425_000, "avtalat-pris", null)),
                List.of(), List.of()),
                "p2", placement("p2", "A", "u1", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 20), List.of(), List.of(),
                        List.of(new PricedPlacement.Pause(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), "sjukhus"))));
    }

    static byte[] peppol(List<PeppolInvoiceWriter.Line> lines, long stated) {
        return PeppolInvoiceWriter.write("F-1001", LocalDate.of(2026, 4, 2), "Norrgården AB", "556677-8899",
                "Exempelkommun", lines, stated).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCorrectPeppolInvoiceValidatesAgainstTheOfficialSchemaAndRaisesNoFlag() {
        byte[] xml = peppol(List.of(new PeppolInvoiceWriter.Line("p1", null, MAR1, MAR31, 31, 425_000, 13_175_000),
                new PeppolInvoiceWriter.Line("p2", null, MAR1, LocalDate.of(2026, 3, 20), 17, 400_000, 6_800_000)),
                19_975_000);
        ParsedInvoice inv = UblInvoiceReader.read(xml);
        assertThat(inv.format()).isEqualTo("peppol-bis-3");
        assertThat(inv.number()).isEqualTo("F-1001");
        assertThat(inv.supplierOrgNumber()).isEqualTo("556677-8899");
        assertThat(inv.linesTotalOre()).isEqualTo(19_975_000L);
        assertThat(inv.lines()).extracting(ParsedInvoice.Line::placementRef).containsExactly("p1", "p2");
        var r = Reconciler.reconcile(inv, id -> Optional.ofNullable(placements().get(id)), book(), List.of());
        assertThat(r.flags()).isEmpty();
        assertThat(r.expectedTotalOre()).isEqualTo(19_975_000L);
        assertThat(r.lines().get(1).expectedDays()).isEqualTo(17);
    }

    @Test
    void everyKindOfErrorIsFlagged() {
        byte[] xml = peppol(List.of(
                // wrong price: 4 300 instead of 4 250
                new PeppolInvoiceWriter.Line("p1", null, MAR1, LocalDate.of(2026, 3, 15), 15, 430_000, 6_450_000),
                // double: 10–15 March again
                new PeppolInvoiceWriter.Line("p1", null, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 15), 6,
                        425_000, 2_550_000),
                // days outside: the whole month, but p2 ended on the 20th and had 3 days of gap
                new PeppolInvoiceWriter.Line("p2", null, MAR1, MAR31, 31, 400_000, 12_400_000),
                // unknown placement
                new PeppolInvoiceWriter.Line("p9", null, MAR1, MAR31, 31, 400_000, 12_400_000),
                // sum: 16 × 4 250 = 68 000, invoiced 68 100
                new PeppolInvoiceWriter.Line("p1", null, LocalDate.of(2026, 3, 16), MAR31, 16, 425_000, 6_810_000)),
                1L);
        var r = Reconciler.reconcile(UblInvoiceReader.read(xml), id -> Optional.ofNullable(placements().get(id)),
                book(), List.of());
        assertThat(r.flags()).extracting(InvoiceFlag::lineNo, InvoiceFlag::type).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("1", FlagType.WRONG_PRICE),
                org.assertj.core.groups.Tuple.tuple("2", FlagType.DOUBLE_INVOICE),
                org.assertj.core.groups.Tuple.tuple("3", FlagType.DAYS_OUTSIDE),
                org.assertj.core.groups.Tuple.tuple("4", FlagType.UNKNOWN_PLACEMENT),
                org.assertj.core.groups.Tuple.tuple("5", FlagType.SUM_MISMATCH),
                org.assertj.core.groups.Tuple.tuple(null, FlagType.SUM_MISMATCH));
        assertThat(r.flags().stream().filter(f -> f.type() == FlagType.DAYS_OUTSIDE).findFirst().orElseThrow()
                .message()).contains("31 dagar fakturerade, 17 dagar placerad").contains("14 dagar utanför");
        // An earlier invoice of the same days makes a double too.
        byte[] again = peppol(List.of(new PeppolInvoiceWriter.Line("p1", null, MAR1, MAR31, 31, 425_000, 13_175_000)),
                13_175_000);
        var second = Reconciler.reconcile(UblInvoiceReader.read(again), id -> Optional.ofNullable(placements().get(id)),
                book(), List.of(new Reconciler.Invoiced("p1", LocalDate.of(2026, 3, 30), MAR31, "faktura F-9 rad 1")));
        assertThat(second.flags()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FlagType.DOUBLE_INVOICE);
            assertThat(f.message()).contains("2026-03-30–2026-03-31 (2 dagar)").contains("faktura F-9 rad 1");
        });
    }

    @Test
    void anExternalEntityOrDoctypeIsRefusedAndNothingIsRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><x>&x;</x></Invoice>";
        assertThatThrownBy(() -> UblInvoiceReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvoiceFileException.class)
                .satisfies(e -> assertThat(((InvoiceFileException) e).problems().toString()).doesNotContain("root:")
                        .contains("DOCTYPE"));
    }

    @Test
    void aSchemaErrorAndABadLineAreReportedByFileLine() {
        String xml = new String(peppol(List.of(new PeppolInvoiceWriter.Line("p1", null, MAR1, MAR31, 31, 425_000,
                13_175_000)), 13_175_000), StandardCharsets.UTF_8);
        String broken = xml.replace("<cbc:IssueDate>2026-04-02</cbc:IssueDate>", "<cbc:IssueDate>2 april</cbc:IssueDate>");
        int issueLine = lineOf(broken, "<cbc:IssueDate>");
        assertThatThrownBy(() -> UblInvoiceReader.read(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvoiceFileException.class)
                .satisfies(e -> assertThat(((InvoiceFileException) e).problems().get(0).pointer())
                        .isEqualTo("/lines/" + issueLine));
        String unmatched = xml.replace("<cac:BuyersItemIdentification><cbc:ID>p1</cbc:ID></cac:BuyersItemIdentification>", "");
        assertThatThrownBy(() -> UblInvoiceReader.read(unmatched.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvoiceFileException.class)
                .satisfies(e -> assertThat(((InvoiceFileException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.detail()).contains("kan inte matchas")));
        assertThatThrownBy(() -> UblInvoiceReader.read("inte xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvoiceFileException.class);
    }

    @Test
    void aCsvInvoiceIsReadOrRefusedByLine() {
        String csv = "fakturanummer;leverantor;orgnr;fakturadatum;placering;fran;till;dagar;pris;belopp\n"
                + "C-7;Norrgården AB;556677-8899;2026-04-02;p1;2026-03-01;2026-03-31;31;4 250,00;131 750,00\n";
        ParsedInvoice inv = CsvInvoiceReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(inv.lines()).singleElement().satisfies(l -> {
            assertThat(l.amountOre()).isEqualTo(13_175_000L);
            assertThat(l.unitPriceOre()).isEqualTo(425_000L);
        });
        String bad = csv + "C-7;Norrgården AB;556677-8899;2026-04-02;p2;2026-03-01;2026-03-31;tre;4000;12000\n"
                + "C-7;Norrgården AB;556677-8899;2026-04-02;;2026-03-01;2026-03-31;3;4000;12000\n";
        assertThatThrownBy(() -> CsvInvoiceReader.read(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvoiceFileException.class)
                .satisfies(e -> assertThat(((InvoiceFileException) e).problems())
                        .extracting(se.placera.shared.Problem::pointer).containsExactly("/lines/3", "/lines/4"));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return -1;
    }
}
