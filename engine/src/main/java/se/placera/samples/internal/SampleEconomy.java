package se.placera.samples.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import se.placera.economy.PeppolInvoiceWriter;
import se.placera.economy.PlacementLedger;
import se.placera.providers.Provider;
import se.placera.providers.Unit;

/**
 * The sample municipality's economy (issue #16, item 8): every historical placement in the cost ledger — most with
 * the price agreed at the decision, the rest on the unit's price period — some with a supplementary price change,
 * extra costs (transport, extra staff) and gaps; and one month of Peppol invoices from the largest providers with
 * known errors (one each: wrong price, days outside, double invoice, unknown placement, sum mismatch).
 */
final class SampleEconomy {

    static final String ADMINISTRATION = "exempelkommun-sof";

    private SampleEconomy() {
    }

    static String department(String teamName) {
        return teamName.startsWith("Vuxen") || teamName.startsWith("Våld") ? "Vuxen" : "Barn och familj";
    }

    static List<PlacementLedger.LedgerPlacement> ledger(long seed, List<SampleRecords.Placement> placements,
            List<SampleRecords.Team> teams) {
        Random rnd = new Random(seed ^ 0x16EC0L);
        Map<String, SampleRecords.Team> byId = new HashMap<>();
        teams.forEach(t -> byId.put(t.id(), t));
        List<PlacementLedger.LedgerPlacement> out = new ArrayList<>();
        for (SampleRecords.Placement p : placements) {
            SampleRecords.Team team = byId.get(p.teamId());
            Long agreed = p.pricePerDay() != null && rnd.nextInt(10) < 7 ? p.pricePerDay() * 100L : null;
            LocalDate last = p.endDate() != null ? p.endDate() : SampleGenerator.REFERENCE_DATE;
            long length = java.time.temporal.ChronoUnit.DAYS.between(p.startDate(), last);
            List<PlacementLedger.AgreedPriceChange> prices = new ArrayList<>();
            if (agreed != null && length > 120 && rnd.nextInt(10) == 0) {
                LocalDate from = p.startDate().plusDays(60 + rnd.nextInt((int) length - 60));
                prices.add(new PlacementLedger.AgreedPriceChange(p.id() + "-ta1", p.id(), from,
                        agreed + agreed * (3 + rnd.nextInt(4)) / 100 / 100 * 100, "tilläggsavtal " + from.getYear() + "-"
                                + (100 + rnd.nextInt(900))));
            }
            List<PlacementLedger.ExtraCostInput> extras = new ArrayList<>();
            if (length > 30 && rnd.nextInt(12) == 0) {
                LocalDate from = p.startDate().plusDays(rnd.nextInt(20));
                extras.add(new PlacementLedger.ExtraCostInput("extra personal", from, from.plusDays(9 + rnd.nextInt(50)),
                        100L * (800 + 100 * rnd.nextInt(10)), null, "förstärkning första tiden"));
            }
            if (rnd.nextInt(8) == 0) {
                extras.add(new PlacementLedger.ExtraCostInput("resor", p.startDate().plusDays(rnd.nextInt(
                        (int) Math.max(1, length))), null, null, 100L * (300 + rnd.nextInt(3000)) + rnd.nextInt(100),
                        "umgängesresa"));
            }
            List<PlacementLedger.Gap> gaps = new ArrayList<>();
            if (length > 60 && rnd.nextInt(20) == 0) {
                LocalDate from = p.startDate().plusDays(20 + rnd.nextInt((int) length - 40));
                gaps.add(new PlacementLedger.Gap(from, from.plusDays(2 + rnd.nextInt(10)), "vistelse på sjukhus"));
            }
            String reason = p.reasons() == null || p.reasons().isEmpty() ? null : p.reasons().get(0);
            out.add(new PlacementLedger.LedgerPlacement(p.id(), ADMINISTRATION,
                    team == null ? null : department(team.name()), team == null ? null : team.name(), p.caseworkerId(),
                    p.unitId(), p.providerId(), p.targetGroup(), p.placementForm(), p.gender(), p.startDate(),
                    p.endDate(), agreed, reason, gaps, extras, prices));
        }
        return out;
    }

    /** One invoice file. */
    record InvoiceFile(String filename, byte[] content) {
    }

    /**
     * Invoices for {@code month} from the {@code providers} with most ongoing placements, each line the placement's
     * days at its price; the first invoice carries the known errors.
     */
    static List<InvoiceFile> invoices(YearMonth month, List<PlacementLedger.LedgerPlacement> ledger,
            Map<String, Unit> units, Map<String, Provider> providers, int count) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<String, List<PlacementLedger.LedgerPlacement>> byProvider = new HashMap<>();
        for (PlacementLedger.LedgerPlacement p : ledger) {
            if (!p.startDate().isAfter(first) && (p.endDate() == null || !p.endDate().isBefore(last))
                    && p.gaps().isEmpty() && p.prices().isEmpty() && providers.containsKey(p.providerId())) {
                byProvider.computeIfAbsent(p.providerId(), k -> new ArrayList<>()).add(p);
            }
        }
        List<String> largest = byProvider.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() != a.getValue().size()
                        ? Integer.compare(b.getValue().size(), a.getValue().size()) : a.getKey().compareTo(b.getKey()))
                .limit(count).map(Map.Entry::getKey).toList();
        List<InvoiceFile> files = new ArrayList<>();
        int n = 0;
        for (String providerId : largest) {
            n++;
            Provider provider = providers.get(providerId);
            List<PeppolInvoiceWriter.Line> lines = new ArrayList<>();
            int days = month.lengthOfMonth();
            for (PlacementLedger.LedgerPlacement p : byProvider.get(providerId)) {
                Long price = p.agreedPerDayOre();
                if (price == null) {
                    Unit u = units.get(p.unitId());
                    price = u == null ? null : u.priceOn(first).map(Unit.Price::perDay).map(kr -> kr * 100L).orElse(null);
                }
                if (price == null) {
                    continue;
                }
                lines.add(new PeppolInvoiceWriter.Line(p.id(), "Placering " + month, first, last, days, price,
                        days * price));
            }
            if (lines.size() < 4) {
                continue;
            }
            long total = lines.stream().mapToLong(PeppolInvoiceWriter.Line::amountOre).sum();
            if (files.isEmpty()) {
                // The known errors of the sample month.
                PeppolInvoiceWriter.Line a = lines.get(0);
                lines.set(0, new PeppolInvoiceWriter.Line(a.placementId(), a.description(), a.from(), a.to(), a.days(),
                        a.unitPriceOre() + 15_000, a.days() * (a.unitPriceOre() + 15_000))); // wrong price
                PeppolInvoiceWriter.Line b = lines.get(1);
                lines.set(1, new PeppolInvoiceWriter.Line(b.placementId(), b.description(), b.from(),
                        b.to().plusDays(3), b.days() + 3, b.unitPriceOre(), (b.days() + 3) * b.unitPriceOre())); // days outside
                PeppolInvoiceWriter.Line c = lines.get(2);
                lines.add(new PeppolInvoiceWriter.Line(c.placementId(), c.description(), c.from().plusDays(9),
                        c.from().plusDays(13), 5, c.unitPriceOre(), 5 * c.unitPriceOre())); // double invoice
                lines.add(new PeppolInvoiceWriter.Line("okand-placering-4711", "Placering " + month, first, last, days,
                        400_000, days * 400_000L)); // unknown placement
                PeppolInvoiceWriter.Line d = lines.get(3);
                lines.set(3, new PeppolInvoiceWriter.Line(d.placementId(), d.description(), d.from(), d.to(), d.days(),
                        d.unitPriceOre(), d.amountOre() + 10_000)); // line sum mismatch
                total = lines.stream().mapToLong(PeppolInvoiceWriter.Line::amountOre).sum();
            }
            String number = "S" + month.toString().replace("-", "") + "-" + String.format("%03d", n);
            String xml = PeppolInvoiceWriter.write(number, last.plusDays(5), provider.name(),
                    provider.orgNumber() == null ? "556000-0000" : provider.orgNumber(), "Exempelkommun", lines, total);
            files.add(new InvoiceFile(number + ".xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return files;
    }
}
