package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.documents.Spreadsheets;
import se.placera.providers.internal.RegisterWorkbook;
import se.placera.support.AppIntegrationTest;

@AppIntegrationTest
class RegisterWorkbookIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Spreadsheets spreadsheets;

    RegisterFixtures f;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
    }

    List<Object> row(String orgNumber, String provider, String unit, String area, Object price,
            String placementForms) {
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
        put(r, "placeringsformer", placementForms);
        put(r, "lagrum", "sol, lvu-2");
        put(r, "minAlder", 13.0);
        put(r, "maxAlder", 17.0);
        put(r, "behov", "npf, skolsvarigheter");
        put(r, "platser", 6.0);
        put(r, "lediga", 1.0);
        put(r, "prismodell", "per-dygn");
        put(r, "prisPerDygn", price);
        put(r, "prisGiltigFran", java.time.LocalDate.of(2024, 1, 1));
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

    byte[] workbook(List<List<Object>> rows) {
        return spreadsheets.write(List.of(new Spreadsheets.Sheet("Verksamheter", RegisterWorkbook.COLUMNS, rows)));
    }

    JsonNode units(String area) {
        return f.admin.get("/api/register/units?tenderArea=" + area).expect(200).json();
    }

    @Test
    void theTemplateHasEveryColumnTheCodesAndAnExample() {
        var response = f.caseworker.get("/api/register/template.xlsx").expect(200);
        assertThat(response.contentType()).startsWith(RegisterFixtures.XLSX);
        Spreadsheets.Sheet sheet = spreadsheets.read(new ByteArrayInputStream(response.bytes()), "Verksamheter");
        assertThat(sheet.headers()).containsExactlyElementsOf(RegisterWorkbook.COLUMNS);
        assertThat(sheet.rows()).hasSize(1);
        Spreadsheets.Sheet codes = spreadsheets.read(new ByteArrayInputStream(response.bytes()), "Koder");
        assertThat(codes.rows()).anySatisfy(r -> assertThat(r).containsSequence("placeringsformer", "hvb-barn-unga"));
    }

    @Test
    void allOrNothingImportsNothingWhenARowHasErrorsAndReportsThemByRowAndColumn() {
        String area = RegisterFixtures.unique("xl");
        String org = RegisterFixtures.orgNumber();
        byte[] file = workbook(List.of(
                row(org, "Excel Omsorg AB", "Alfa HVB", area, 3200.0, "hvb-barn-unga"),
                row(org, "Excel Omsorg AB", "Beta HVB", area, 4100.0, "hvb-barn-unga"),
                row(org, "Excel Omsorg AB", "Gamma HVB", area, "tretusen", "hvb-barn-unga, rymdstation")));

        JsonNode problem = f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX, file, true)
                .expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("REGISTER_IMPORT_INVALID");
        assertThat(problem.get("errors").findValuesAsString("pointer"))
                .contains("/rows/4/prisPerDygn", "/rows/4/placeringsformer");
        assertThat(problem.get("errors").findValuesAsString("detail"))
                .anySatisfy(d -> assertThat(d).startsWith("Rad 4, kolumn prisPerDygn"));
        assertThat(units(area).get("total").asInt()).isZero();

        // Validating only reports what would happen and stores nothing.
        JsonNode dry = f.sendBytes("POST", "/api/register/import?mode=valid-rows&validateOnly=true",
                RegisterFixtures.XLSX, file, true).expect(200).json();
        assertThat(dry.get("created").asInt()).isEqualTo(2);
        assertThat(dry.get("applied").asBoolean()).isFalse();
        assertThat(units(area).get("total").asInt()).isZero();
    }

    @Test
    void validRowsModeImportsTheValidRowsAndReImportChangesNothing() {
        String area = RegisterFixtures.unique("xl");
        String org = RegisterFixtures.orgNumber();
        byte[] file = workbook(List.of(
                row(org, "Giltiga Rader AB", "Alfa HVB", area, 3200.0, "hvb-barn-unga"),
                row(org, "Giltiga Rader AB", "Beta HVB", area, 4100.0, "hvb-barn-unga"),
                row(org, "Giltiga Rader AB", "Gamma HVB", area, 2000.0, "okand-form")));

        JsonNode report = f.sendBytes("POST", "/api/register/import?mode=valid-rows", RegisterFixtures.XLSX, file, true)
                .expect(200).json();
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.get("providersCreated").asInt()).isEqualTo(1);
        assertThat(report.get("errors").findValuesAsString("pointer")).containsExactly("/rows/4/placeringsformer");
        JsonNode list = units(area);
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.get("items").findValuesAsString("name")).containsExactly("Alfa HVB", "Beta HVB");

        JsonNode again = f.sendBytes("POST", "/api/register/import?mode=valid-rows", RegisterFixtures.XLSX, file, true)
                .expect(200).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("providersUpdated").asInt()).isZero();
        assertThat(again.get("applied").asBoolean()).isFalse();
        String alfa = list.at("/items/0/id").asString();
        assertThat(f.admin.get("/api/register/units/" + alfa).expect(200).json().at("/unit/version").asLong())
                .isEqualTo(1);
    }

    @Test
    void anExportedRegisterImportsBackUnchangedAndAnEditedCellIsReadBackThroughTheApi() {
        String area = RegisterFixtures.unique("xl");
        JsonNode provider = f.createProvider("Rundtur AB", "extern");
        String unitId = f.createUnit(RegisterFixtures.hvb(provider.get("id").asString(), "Rundturens HVB", area, 3900))
                .at("/unit/id").asString();

        var export = f.admin.get("/api/register/export.xlsx").expect(200);
        Spreadsheets.Sheet sheet = spreadsheets.read(new ByteArrayInputStream(export.bytes()), "Verksamheter");
        int areaColumn = sheet.headers().indexOf("anbudsomrade");
        List<List<Object>> mine = sheet.rows().stream().filter(r -> r != null && area.equals(r.get(areaColumn)))
                .toList();
        assertThat(mine).hasSize(1);
        byte[] roundTrip = spreadsheets.write(List.of(new Spreadsheets.Sheet("Verksamheter", sheet.headers(), mine)));

        JsonNode unchanged = f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX, roundTrip, true)
                .expect(200).json();
        assertThat(unchanged.get("unchanged").asInt()).isEqualTo(1);
        assertThat(unchanged.get("updated").asInt()).isZero();

        List<Object> edited = new ArrayList<>(mine.get(0));
        edited.set(sheet.headers().indexOf("lediga"), 5.0);
        edited.set(sheet.headers().indexOf("behov"), "missbruk, skolsvarigheter, npf");
        byte[] changed = spreadsheets.write(List.of(new Spreadsheets.Sheet("Verksamheter", sheet.headers(),
                List.of(edited))));
        JsonNode updated = f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX, changed, true)
                .expect(200).json();
        assertThat(updated.get("updated").asInt()).isEqualTo(1);
        JsonNode unit = f.admin.get("/api/register/units/" + unitId).expect(200).json();
        assertThat(unit.at("/unit/vacancies").asInt()).isEqualTo(5);
        List<String> needs = new ArrayList<>();
        unit.at("/unit/needs").forEach(n -> needs.add(n.asString()));
        assertThat(needs).containsExactly("missbruk", "skolsvarigheter", "npf");
        assertThat(unit.at("/unit/ivoPermit/number").asString()).isNotBlank();
        assertThat(unit.at("/currentPrice/perDay").asInt()).isEqualTo(3900);
    }

    @Test
    void aFileThatIsNotAWorkbookOrHasUnknownColumnsIsRefused() {
        JsonNode unreadable = f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX,
                "not a workbook".getBytes(), true).expect(400).json();
        assertThat(unreadable.get("code").asString()).isEqualTo("REGISTER_IMPORT_UNREADABLE");

        byte[] wrong = spreadsheets.write(List.of(new Spreadsheets.Sheet("Verksamheter",
                List.of("enhetsnamn", "skostorlek"), List.of(List.of("X", 42.0)))));
        JsonNode header = f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX, wrong, true)
                .expect(400).json();
        assertThat(header.get("errors").findValuesAsString("pointer"))
                .contains("/columns/skostorlek", "/columns/organisationsnummer");
        f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX, wrong, false).expect(403);
    }
}
