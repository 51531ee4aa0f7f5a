package se.placera.samples;

/**
 * Loads the synthetic sample municipality. Loading is deterministic for a seed and scale, and idempotent: what
 * exists already is left as it is, so loading twice creates nothing new.
 */
public interface SampleData {

    /**
     * @param seed  the generator's seed
     * @param scale 1.0 gives about 400 units and 3,000 placements; 12.5 about 5,000 units (benchmarks)
     */
    LoadReport load(long seed, double scale);

    /** What a load created; all zero when everything was there already. */
    record LoadReport(long seed, double scale, int frameworkAgreements, int providers, int units, int teams,
            int placements, int qualityFacts, boolean alreadyLoaded) {
    }
}
