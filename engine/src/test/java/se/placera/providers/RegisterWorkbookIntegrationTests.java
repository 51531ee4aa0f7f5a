package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        assertThat(sheet.headers()).containsExactlyElementsOf(RegisterWorkbook.HEADERS);
        assertThat(sheet.rows()).hasSize(1);
        Spreadsheets.Sheet codes = spreadsheets.read(new ByteArrayInputStream(response.bytes()), "Koder");
        assertThat(codes.headers()).containsExactly("Kolumn", "Kod", "Benämning");
        assertThat(codes.rows()).anySatisfy(r -> assertThat(r)
                .containsExactly("Placeringsformer", "hvb-barn-unga", "HVB för barn och unga"));
    }

    /** Item 12 of issue 12: headers in words, dropdowns on coded columns, dates as dates; it still imports. */
    @Test
    void theTemplateIsForPeopleAndImportsBack() throws Exception {
        byte[] template = f.caseworker.get("/api/register/template.xlsx").expect(200).bytes();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = wb.getSheet("Verksamheter");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).contains("Enhetsnamn", "Utförare", "Målgrupper", "Uppsägningstid (dagar)",
                    "Pris per dygn (kr)", "Priset gäller från", "Aktiv")
                    .doesNotContain("uppsagningstidDagar", "prisPerDygn", "malgrupper");

            Cell from = sheet.getRow(1).getCell(headers.indexOf("Priset gäller från"));
            assertThat(from.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(from)).isTrue();
            assertThat(from.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(sheet.getRow(1).getCell(headers.indexOf("Pris per dygn (kr)")).getCellStyle()
                    .getDataFormatString()).isEqualTo("#,##0");

            Map<String, XSSFDataValidation> byColumn = new HashMap<>();
            for (XSSFDataValidation v : sheet.getDataValidations()) {
                CellRangeAddress range = v.getRegions().getCellRangeAddress(0);
                assertThat(range.getFirstRow()).isEqualTo(1);
                assertThat(range.getLastRow()).isGreaterThanOrEqualTo(500);
                byColumn.put(headers.get(range.getFirstColumn()), v);
            }
            assertThat(byColumn.keySet()).contains("Regi", "Målgrupper", "Placeringsformer", "Lagrum", "Kön", "Behov",
                    "Prismodell", "Avtalstyp", "IVO-tillståndets omfattning", "Aktiv");
            XSSFDataValidation regi = byColumn.get("Regi");
            assertThat(regi.getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(regi.getValidationConstraint().getExplicitListValues()).containsExactly("extern", "egen");
            assertThat(regi.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(byColumn.get("Kön").getValidationConstraint().getExplicitListValues())
                    .contains("flicka-kvinna", "pojke-man");
            // Several codes may share a cell: Excel informs rather than refuses.
            assertThat(byColumn.get("Kön").getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.INFO);
            // The long lists refer to a hidden sheet of values.
            String needs = byColumn.get("Behov").getValidationConstraint().getFormula1();
            assertThat(needs).isNotBlank();
            Name name = wb.getName(needs);
            assertThat(name.getRefersToFormula()).startsWith("Listor!");
            XSSFSheet lists = wb.getSheet("Listor");
            assertThat(wb.isSheetHidden(wb.getSheetIndex(lists))).isTrue();
            List<String> values = new ArrayList<>();
            CellRangeAddress area = CellRangeAddress.valueOf(name.getRefersToFormula().substring("Listor!".length()));
            for (int r = area.getFirstRow(); r <= area.getLastRow(); r++) {
                values.add(lists.getRow(r).getCell(area.getFirstColumn()).getStringCellValue());
            }
            assertThat(values).contains("npf", "missbruk", "skolsvarigheter").hasSizeGreaterThan(20);
        }

        // The template itself, as downloaded, passes the import's checks.
        JsonNode dry = f.sendBytes("POST", "/api/register/import?validateOnly=true", RegisterFixtures.XLSX, template,
                true).expect(200).json();
        assertThat(dry.get("errors").size()).isZero();
        assertThat(dry.get("created").asInt()).isEqualTo(1);
    }

    @Test
    void theExportShowsLabelsNextToCodes() throws Exception {
        String area = RegisterFixtures.unique("xl");
        JsonNode provider = f.createProvider("Benämning AB", "extern");
        f.createUnit(RegisterFixtures.hvb(provider.get("id").asString(), "Benämningens HVB", area, 3900));
        byte[] export = f.admin.get("/api/register/export.xlsx").expect(200).bytes();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            XSSFSheet sheet = wb.getSheet("Verksamheter");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers.indexOf("Målgrupper (benämning)")).isEqualTo(headers.indexOf("Målgrupper") + 1);
            assertThat(headers).contains("Placeringsformer (benämning)", "Regi (benämning)", "Andel sammanbrott",
                    "Handläggarbetyg");
            Row mine = null;
            for (Row r : sheet) {
                Cell a = r.getCell(headers.indexOf("Anbudsområde"));
                if (a != null && area.equals(a.getStringCellValue())) {
                    mine = r;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.getCell(headers.indexOf("Målgrupper")).getStringCellValue()).isEqualTo("barn-unga");
            assertThat(mine.getCell(headers.indexOf("Målgrupper (benämning)")).getStringCellValue())
                    .isEqualTo("Barn och unga");
            assertThat(mine.getCell(headers.indexOf("Aktiv")).getStringCellValue()).isEqualTo("ja");
        }
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
                .anySatisfy(d -> assertThat(d).startsWith("Rad 4, kolumn Pris per dygn (kr): "));
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
        int areaColumn = sheet.headers().indexOf("Anbudsområde");
        List<List<Object>> mine = sheet.rows().stream().filter(r -> r != null && area.equals(r.get(areaColumn)))
                .toList();
        assertThat(mine).hasSize(1);
        byte[] roundTrip = spreadsheets.write(List.of(new Spreadsheets.Sheet("Verksamheter", sheet.headers(), mine)));

        JsonNode unchanged = f.sendBytes("POST", "/api/register/import", RegisterFixtures.XLSX, roundTrip, true)
                .expect(200).json();
        assertThat(unchanged.get("unchanged").asInt()).isEqualTo(1);
        assertThat(unchanged.get("updated").asInt()).isZero();

        List<Object> edited = new ArrayList<>(mine.get(0));
        edited.set(sheet.headers().indexOf("Lediga platser"), 5.0);
        edited.set(sheet.headers().indexOf("Behov"), "missbruk, skolsvarigheter, npf");
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
