package se.placera.samples.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.providers.Register;
import se.placera.providers.UnitQualities;
import se.placera.samples.SampleData;

/**
 * Loads the sample municipality: at start-up when {@code placera.samples.enabled=true} (after the metadata import;
 * after readiness in the background unless {@code placera.samples.after-ready=false}, see {@link SampleStartup}),
 * or when called. Records that exist already (by id) are left as they are, so a second load creates nothing.
 */
@Service
@Order(10)
class SampleLoader implements SampleData, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final SamplesProperties properties;
    private final Register register;
    private final UnitQualities qualities;
    private final MongoTemplate mongo;

    private final Clock clock;
    private final se.placera.economy.PlacementLedger ledger;
    private final se.placera.economy.Invoices invoices;

    SampleLoader(SamplesProperties properties, Register register, UnitQualities qualities, MongoTemplate mongo,
            Clock clock, se.placera.economy.PlacementLedger ledger, se.placera.economy.Invoices invoices) {
        this.clock = clock;
        this.ledger = ledger;
        this.invoices = invoices;
        this.properties = properties;
        this.register = register;
        this.qualities = qualities;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled() && !properties.afterReady()) {
            loadConfigured();
        }
    }

    /** Loads the configured sample municipality (seed and scale of {@code placera.samples.*}). */
    void loadConfigured() {
        LoadReport r = load(properties.seed(), properties.scale());
        log.info("Sample data (seed {}, scale {}): {}", r.seed(), r.scale(), r.alreadyLoaded()
                ? "already loaded" : r.units() + " units, " + r.providers() + " providers, " + r.placements()
                        + " placements, " + r.qualityFacts() + " quality facts created");
    }

    @Override
    public synchronized LoadReport load(long seed, double scale) {
        String runId = "seed-" + seed + "-scale-" + scale;
        if (mongo.findById(runId, SampleRecords.Run.class) != null) {
            return new LoadReport(seed, scale, 0, 0, 0, 0, 0, 0, true);
        }
        long t0 = System.nanoTime();
        SampleGenerator.Dataset d = new SampleGenerator(SeedLists.load()).generate(seed, scale);
        int agreementsBefore = register.frameworkAgreements().size();
        int providersBefore = register.providers().size();
        int unitsBefore = register.units().size();
        register.insertMissing(d.agreements(), d.providers(), d.units());
        int agreements = register.frameworkAgreements().size() - agreementsBefore;
        int providers = register.providers().size() - providersBefore;
        int units = register.units().size() - unitsBefore;

        Set<String> teamIds = ids("sample_teams");
        List<SampleRecords.Team> teams = d.teams().stream().filter(t -> !teamIds.contains(t.id())).toList();
        if (!teams.isEmpty()) {
            mongo.insertAll(teams);
        }
        Set<String> placementIds = ids("sample_placements");
        List<SampleRecords.Placement> placements = d.placements().stream()
                .filter(p -> !placementIds.contains(p.id())).toList();
        for (int i = 0; i < placements.size(); i += 2000) {
            mongo.insertAll(placements.subList(i, Math.min(placements.size(), i + 2000)));
        }
        economy(seed, d);
        long factsBefore = mongo.estimatedCount("register_quality_facts");
        for (int i = 0; i < d.facts().size(); i += 5000) {
            qualities.recordAll(d.facts().subList(i, Math.min(d.facts().size(), i + 5000)));
        }
        int facts = (int) (mongo.estimatedCount("register_quality_facts") - factsBefore);
        mongo.insert(new SampleRecords.Run(runId, seed, scale, d.units().size(), d.placements().size(),
                clock.instant()));
        log.info("Sample data generated and stored in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return new LoadReport(seed, scale, agreements, providers, units, teams.size(), placements.size(), facts,
                false);
    }

    /** The cost ledger of every sample placement and one month of invoices with known errors (issue #16). */
    private void economy(long seed, SampleGenerator.Dataset d) {
        var entries = SampleEconomy.ledger(seed, d.placements(), d.teams());
        int recorded = ledger.recordMissing(entries);
        java.util.Map<String, se.placera.providers.Unit> units = new java.util.HashMap<>();
        d.units().forEach(u -> units.put(u.id(), u));
        java.util.Map<String, se.placera.providers.Provider> providers = new java.util.HashMap<>();
        d.providers().forEach(p -> providers.put(p.id(), p));
        int imported = 0;
        for (SampleEconomy.InvoiceFile f : SampleEconomy.invoices(
                java.time.YearMonth.from(SampleGenerator.REFERENCE_DATE), entries, units, providers, 4)) {
            try {
                invoices.importAs(SampleEconomy.ADMINISTRATION, "system", f.filename(), f.content());
                imported++;
            } catch (se.placera.shared.PlaceraException e) {
                log.info("Sample invoice {} not imported: {}", f.filename(), e.getMessage());
            }
        }
        log.info("Sample economy: {} placements in the cost ledger, {} invoices imported", recorded, imported);
    }

    private Set<String> ids(String collection) {
        Query q = new Query();
        q.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(q, org.bson.Document.class, collection).forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }
}
