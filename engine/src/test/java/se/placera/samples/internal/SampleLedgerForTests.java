package se.placera.samples.internal;

import java.util.List;

import se.placera.economy.PlacementLedger;
import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Unit;

/** The sample municipality's cost ledger and register, for other modules' tests (the forecast back-test). */
public final class SampleLedgerForTests {

    public static final long SEED = 20200409L;

    /** The ledger, the units and the framework agreements of the sample data at scale 1. */
    public record Sample(List<PlacementLedger.LedgerPlacement> ledger, List<Unit> units,
            List<FrameworkAgreement> agreements) {
    }

    private SampleLedgerForTests() {
    }

    public static Sample load() {
        SampleGenerator.Dataset d = new SampleGenerator(SeedLists.load()).generate(SEED, 1.0);
        return new Sample(SampleEconomy.ledger(SEED, d.placements(), d.teams()), d.units(), d.agreements());
    }
}
