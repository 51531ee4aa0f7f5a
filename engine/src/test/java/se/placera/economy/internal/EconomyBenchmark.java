package se.placera.economy.internal;

import static se.placera.economy.internal.EconomyFixtures.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import se.placera.economy.Costs.Dimension;
import se.placera.economy.Costs.Period;
import se.placera.economy.PeppolInvoiceWriter;
import se.placera.providers.Unit;

/**
 * Issue #16 speed targets, on the code a request runs (the ledger's memory copy, the cost model, the UBL reader with
 * schema validation, the reconciler), without HTTP: (1) the cost roll-up for one year by team over 100,000
 * placements spread over five years, with price periods, supplementary prices, extra costs and gaps; (2) reading,
 * validating and reconciling a 5,000-line Peppol invoice. Median of 5 runs after 3 warm-ups; written to
 * {@code target/economy-benchmark.txt}. Not part of the normal test run (the name does not end in Tests):
 * {@code mvn -o -pl engine test -Dtest=EconomyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EconomyBenchmark {

    @Test
    void run() throws Exception {
        Random rnd = new Random(20260101);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            units.add(unit("u" + i, "Område " + (i % 6), i % 4 == 0 ? direct() : ramavtal("ra-hvb"), List.of(
                    perDay(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31), 2500 + rnd.nextInt(3000)),
                    perDay(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), 2600 + rnd.nextInt(3000)),
                    perDay(LocalDate.of(2025, 1, 1), null, 2700 + rnd.nextInt(3000)))));
        }
        PriceBook book = book(units);
        List<PricedPlacement> placements = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            LocalDate start = LocalDate.of(2021, 1, 1).plusDays(rnd.nextInt(1826));
            LocalDate end = rnd.nextInt(5) == 0 ? null : start.plusDays(30 + rnd.nextInt(700));
            List<PricedPlacement.DatedPrice> prices = new ArrayList<>();
            if (rnd.nextBoolean()) {
                prices.add(new PricedPlacement.DatedPrice(start, 100L * (3000 + rnd.nextInt(3000)), "avtalat-pris", null));
            }
            if (rnd.nextInt(5) == 0) {
                prices.add(new PricedPlacement.DatedPrice(start.plusDays(rnd.nextInt(300)), 100L * (3500 + rnd.nextInt(2000)),
                        "tillaggsavtal", "t" + i));
            }
            List<PricedPlacement.Extra> extras = rnd.nextInt(6) == 0 ? List.of(new PricedPlacement.Extra("x" + i,
                    "resor", start.plusDays(rnd.nextInt(100)), null, null, 100L * rnd.nextInt(5000), null)) : List.of();
            List<PricedPlacement.Pause> gaps = rnd.nextInt(10) == 0 ? List.of(new PricedPlacement.Pause(
                    start.plusDays(10), start.plusDays(20), "sjukhus")) : List.of();
            placements.add(placement("p" + i, "team-" + rnd.nextInt(40), "u" + rnd.nextInt(400), start, end, prices,
                    extras, gaps));
        }
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        double rollUp = median(() -> RollUps.compute(placements, book, from, to, Dimension.TEAM, Period.YEAR));
        double rollUpMonths = median(() -> RollUps.compute(placements, book, from, to, Dimension.TEAM, Period.MONTH));

        Map<String, PricedPlacement> byId = new HashMap<>();
        placements.forEach(p -> byId.put(p.id(), p));
        List<PeppolInvoiceWriter.Line> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            PricedPlacement p = placements.get(rnd.nextInt(placements.size()));
            lines.add(new PeppolInvoiceWriter.Line(p.id(), null, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                    31, 425_000, 31 * 425_000L));
        }
        byte[] xml = PeppolInvoiceWriter.write("B-1", LocalDate.of(2025, 4, 2), "Bänk AB", "556000-0000",
                "Exempelkommun", lines, lines.stream().mapToLong(PeppolInvoiceWriter.Line::amountOre).sum())
                .getBytes(StandardCharsets.UTF_8);
        UblInvoiceReader.schema(); // compiled once per process, at the first import
        double reconcile = median(() -> Reconciler.reconcile(UblInvoiceReader.read(xml),
                id -> Optional.ofNullable(byId.get(id)), book, List.of()));

        String report = String.format(java.util.Locale.ROOT, """
                Economy benchmark (%d placements over 2021–2025, %d units; JDK %s, %d cores)
                roll-up of 2025 by team per year:    %.0f ms (median of 5)
                roll-up of 2025 by team per month:   %.0f ms (median of 5)
                5,000-line Peppol invoice (%d kB): read + UBL 2.1 schema validation + reconciliation: %.0f ms
                """, placements.size(), units.size(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                rollUp, rollUpMonths, xml.length / 1024, reconcile);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "economy-benchmark.txt"), report);
    }

    private static double median(Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double[] t = new double[5];
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[2];
    }
}
