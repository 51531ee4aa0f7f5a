package se.placera.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.placera.documents.Spreadsheets;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.support.AppIntegrationTest;

/**
 * The register's Excel import is all-or-nothing while writing too: a write that fails part-way undoes every write
 * of the import before it, so nothing of the file remains and what was there before is unchanged.
 */
@AppIntegrationTest
class RegisterImportUndoIntegrationTests {

    @Autowired
    RegisterWorkbook workbook;

    @Autowired
    Spreadsheets spreadsheets;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox outbox;

    @Autowired
    Clock clock;

    @AfterEach
    void noFailure() {
        workbook.beforeImportWrite = n -> { };
    }

    static String digits() {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_0000L;
        String d = String.format("%010d", n);
        return d.substring(0, 6) + "-" + d.substring(6);
    }

    List<Object> row(String orgNumber, String provider, String unit, String area, double vacancies) {
        List<Object> r = new ArrayList<>(Arrays.asList(new Object[RegisterWorkbook.COLUMNS.size()]));
        put(r, "enhetsnamn", unit);
        put(r, "organisationsnummer", orgNumber);
        put(r, "utforare", provider);
        put(r, "regi", "extern");
        put(r, "kommun", "Växjö");
        put(r, "ort", "Växjö");
        put(r, "lat", 56.879);
        put(r, "lon", 14.806);
        put(r, "malgrupper", "barn-unga");
        put(r, "placeringsformer", "hvb-barn-unga");
        put(r, "lagrum", "sol, lvu-2");
        put(r, "minAlder", 13.0);
        put(r, "maxAlder", 17.0);
        put(r, "behov", "npf, skolsvarigheter");
        put(r, "platser", 6.0);
        put(r, "lediga", vacancies);
        put(r, "prismodell", "per-dygn");
        put(r, "prisPerDygn", 3100.0);
        put(r, "prisGiltigFran", LocalDate.of(2024, 1, 1));
        put(r, "avtalstyp", "direktupphandling");
        put(r, "anbudsomrade", area);
        put(r, "uppsagningstidDagar", 30.0);
        put(r, "ivoNummer", "IVO-" + unit.hashCode());
        put(r, "ivoOmfattning", "hvb-barn-unga");
        put(r, "aktiv", "ja");
        return r;
    }

    static void put(List<Object> row, String column, Object value) {
        row.set(RegisterWorkbook.COLUMNS.indexOf(column), value);
    }

    byte[] file(List<List<Object>> rows) {
        return spreadsheets.write(List.of(new Spreadsheets.Sheet("Verksamheter", RegisterWorkbook.COLUMNS, rows)));
    }

    @Test
    void aWriteThatFailsPartWayUndoesTheWholeImport() {
        String area = "undo-" + UUID.randomUUID().toString().substring(0, 8);
        String existingOrg = digits();
        String newOrg = digits();
        // Before: one provider with one unit, imported cleanly.
        workbook.importWorkbook(file(List.of(row(existingOrg, "Före AB", "Förehemmet", area, 1.0))),
                "all-or-nothing", false);
        Unit unitBefore = unitIn(area, "Förehemmet");
        Provider providerBefore = workbook.register().provider(new ProviderId(unitBefore.providerId())).orElseThrow();

        // The file changes that unit and adds a provider with two units; the 5th write fails.
        byte[] file = file(List.of(row(existingOrg, "Före AB (nytt namn)", "Förehemmet", area, 4.0),
                row(newOrg, "Ny AB", "Nyhemmet ett", area, 2.0), row(newOrg, "Ny AB", "Nyhemmet två", area, 2.0)));
        List<String> unitUndosBefore = entries("unit.import-undo");
        List<String> providerUndosBefore = entries("provider.import-undo");
        workbook.beforeImportWrite = n -> {
            if (n == 4) {
                throw new IllegalStateException("disk full (injected)");
            }
        };
        assertThatThrownBy(() -> workbook.importWorkbook(file, "all-or-nothing", false))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo("REGISTER_IMPORT_FAILED"));

        // Nothing of the import remains, in memory and in the database; what was there is as it was (as a new
        // version: the import's write and its undo each count, so nobody holding the import's version overwrites it).
        Unit stored = mongo.findById(unitBefore.id(), Unit.class);
        assertThat(stored.version()).isEqualTo(unitBefore.version() + 2);
        assertThat(workbook.register().content(stored)).isEqualTo(workbook.register().content(unitBefore));
        assertThat(workbook.register().units()).filteredOn(u -> area.equals(u.tenderArea())).singleElement()
                .satisfies(u -> assertThat(workbook.register().content(u)).isEqualTo(
                        workbook.register().content(unitBefore)))
                .extracting(Unit::version).isEqualTo(stored.version());
        Provider storedProvider = mongo.findById(providerBefore.id(), Provider.class);
        assertThat(storedProvider.version()).isEqualTo(providerBefore.version() + 2);
        assertThat(storedProvider.name()).isEqualTo("Före AB");
        assertThat(workbook.register().provider(new ProviderId(providerBefore.id())).orElseThrow().version())
                .isEqualTo(storedProvider.version());
        assertThat(workbook.register().providers()).noneMatch(p -> newOrg.equals(p.orgNumber()));
        assertThat(mongo.findAll(Provider.class)).noneMatch(p -> newOrg.equals(p.orgNumber()));
        assertThat(mongo.findAll(Unit.class)).filteredOn(u -> area.equals(u.tenderArea())).hasSize(1);
        // Each undo is in the audit log with its record, the removed ones too; nothing waits on a document.
        // (provider and unit changed, provider and one unit created; the second unit's write failed)
        assertThat(added(unitUndosBefore, entries("unit.import-undo"))).hasSize(2).contains(unitBefore.id());
        assertThat(added(providerUndosBefore, entries("provider.import-undo"))).hasSize(2)
                .contains(providerBefore.id());
        assertThat(mongo.count(Query.query(Criteria.where("removing").is(true)), "register_units")).isZero();

        // Without the failure the same file imports.
        workbook.beforeImportWrite = n -> { };
        workbook.importWorkbook(file, "all-or-nothing", false);
        assertThat(workbook.register().units()).filteredOn(u -> area.equals(u.tenderArea())).hasSize(3);
        assertThat(workbook.register().unit(new UnitId(unitBefore.id())).orElseThrow().vacancies()).isEqualTo(4);
    }

    /**
     * A removal cut off by a crash (marked, its entry not yet out) is not part of the register, and the outbox
     * finishes it: the entry goes to the log and the record goes.
     */
    @Test
    void aRemovalLeftByACrashIsNotLoadedAndTheOutboxFinishesIt() {
        String area = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        workbook.importWorkbook(file(List.of(row(digits(), "Krasch AB", "Kraschhemmet", area, 1.0))),
                "all-or-nothing", false);
        Unit unit = unitIn(area, "Kraschhemmet");
        outbox.sweep(Duration.ZERO);
        // What RegisterService#remove writes, cut off before the outbox ran.
        Object entry = mongo.getConverter().convertToMongoType(new PendingAudit(
                PendingAudit.idOf(unit.id(), unit.version() + 1), clock.instant(), "test", null,
                new Audited("unit.import-undo", "unit", unit.id(), null, "success", Map.of())));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(unit.id())), new Update().set("removing", true)
                .inc("version", 1).push(Outbox.FIELD, entry), "register_units");
        // As another instance's change (or a restart) would, the register reloads: without the record.
        mongo.getCollection("cache_generations").updateOne(new org.bson.Document("_id", "register_units"),
                new org.bson.Document("$inc", new org.bson.Document("generation", 1L)));
        long until = System.nanoTime() + 5_000_000_000L;
        while (workbook.register().units().stream().anyMatch(u -> u.id().equals(unit.id()))
                && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(workbook.register().units()).noneMatch(u -> u.id().equals(unit.id()));
        assertThat(mongo.findById(unit.id(), Unit.class)).isNotNull();

        outbox.sweep(Duration.ZERO);
        assertThat(mongo.findById(unit.id(), Unit.class)).isNull();
        assertThat(entries("unit.import-undo")).containsOnlyOnce(unit.id());
    }

    /** The subjects of the audit entries of {@code action}. */
    List<String> entries(String action) {
        // Stored compactly (x: action, s: subject id; docs/audit.md) or, for older entries, by full names.
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("x").is(action),
                        Criteria.where("action").is(action))), org.bson.Document.class, "audit_log")
                .stream().map(d -> d.containsKey("s") ? d.getString("s") : d.getString("subjectId")).toList();
    }

    static List<String> added(List<String> before, List<String> after) {
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        return added;
    }

    Unit unitIn(String area, String name) {
        return workbook.register().units().stream().filter(u -> area.equals(u.tenderArea()) && name.equals(u.name()))
                .findFirst().orElseThrow();
    }
}
