package se.placera.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.placera.documents.Spreadsheets;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
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
        workbook.beforeImportWrite = n -> {
            if (n == 4) {
                throw new IllegalStateException("disk full (injected)");
            }
        };
        assertThatThrownBy(() -> workbook.importWorkbook(file, "all-or-nothing", false))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo("REGISTER_IMPORT_FAILED"));

        // Nothing of the import remains, in memory and in the database; what was there is as it was.
        assertThat(workbook.register().units()).filteredOn(u -> area.equals(u.tenderArea())).singleElement()
                .isEqualTo(unitBefore);
        Unit stored = mongo.findById(unitBefore.id(), Unit.class);
        assertThat(stored.version()).isEqualTo(unitBefore.version());
        assertThat(workbook.register().content(stored)).isEqualTo(workbook.register().content(unitBefore));
        assertThat(workbook.register().provider(new ProviderId(providerBefore.id()))).contains(providerBefore);
        Provider storedProvider = mongo.findById(providerBefore.id(), Provider.class);
        assertThat(storedProvider.version()).isEqualTo(providerBefore.version());
        assertThat(storedProvider.name()).isEqualTo("Före AB");
        assertThat(workbook.register().providers()).noneMatch(p -> newOrg.equals(p.orgNumber()));
        assertThat(mongo.findAll(Provider.class)).noneMatch(p -> newOrg.equals(p.orgNumber()));
        assertThat(mongo.findAll(Unit.class)).filteredOn(u -> area.equals(u.tenderArea())).hasSize(1);

        // Without the failure the same file imports.
        workbook.beforeImportWrite = n -> { };
        workbook.importWorkbook(file, "all-or-nothing", false);
        assertThat(workbook.register().units()).filteredOn(u -> area.equals(u.tenderArea())).hasSize(3);
        assertThat(workbook.register().unit(new UnitId(unitBefore.id())).orElseThrow().vacancies()).isEqualTo(4);
    }

    Unit unitIn(String area, String name) {
        return workbook.register().units().stream().filter(u -> area.equals(u.tenderArea()) && name.equals(u.name()))
                .findFirst().orElseThrow();
    }
}
