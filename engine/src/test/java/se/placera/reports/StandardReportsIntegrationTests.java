package se.placera.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/**
 * GD-2 on the standard set (RP-2, RP-5, EV-4): every standard report, run over generated responses with many small
 * groups, is attacked with only what it publishes — the counts of every part and their totals — and no suppressed
 * cell can be worked out, neither exactly by linear algebra nor by non-negativity; no shown count rests on fewer
 * than five; a suppressed count takes its means and shares with it; and only the caller's administration counts.
 */
@AppIntegrationTest
class StandardReportsIntegrationTests {

    static final List<String> STANDARD = List.of("grundrapport", "betygsrapport", "kvalitetsindikatorer",
            "utforarrapport", "ramavtalsuppfoljning");
    static final String WINDOW = "?from=" + ReportFixtures.YEAR + "-01-01&to=" + ReportFixtures.YEAR + "-12-31";

    static ReportFixtures fixtures;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void generate() {
        synchronized (StandardReportsIntegrationTests.class) {
            if (fixtures == null) {
                var f = new ReportFixtures(Api.at(port).asAdmin());
                List<String> methods = new ArrayList<>();
                for (String id : STANDARD) {
                    Api.at(port).asAdmin().get("/api/metadata/reports/" + id + "?status=published").expect(200).json()
                            .at("/content/dataSet/methods").forEach(m -> {
                                if (!methods.contains(m.asString())) {
                                    methods.add(m.asString());
                                }
                            });
                }
                f.submit(events, methods, 4000, 42);
                fixtures = f;
            }
        }
    }

    @Test
    void theStandardSetIsPublishedAtStartUp() {
        JsonNode list = Api.at(port).asCaseworker().get("/api/reports").expect(200).json();
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.path("id").asString()));
        assertThat(ids).containsAll(STANDARD);
    }

    @Test
    void noSuppressedCellOfAnyStandardReportCanBeWorkedOutFromWhatItShows() {
        int hiddenInAll = 0;
        for (String id : STANDARD) {
            JsonNode report = Api.at(port).asCaseworker().get("/api/reports/" + id + "/result" + WINDOW).expect(200)
                    .json();
            assertThat(report.path("threshold").asInt()).isEqualTo(5);
            var attack = new SuppressionAttack();
            attack.read(report);
            assertThat(attack.attack(5)).as("cells of %s worked out from what it shows", id).isEmpty();
            assertThat(attack.shown().values()).as("shown counts of %s", id).allMatch(v -> v >= 5);
            hiddenInAll += attack.hiddenCells();
            assertMeasuresGoWithTheirCounts(report);
        }
        // The data have small cells, so the attack had something to attack.
        assertThat(hiddenInAll).isGreaterThan(50);
    }

    @Test
    void aReportCountsOnlyTheCallersAdministration() {
        JsonNode home = Api.at(port).asCaseworker().get("/api/reports/grundrapport/result" + WINDOW).expect(200).json();
        JsonNode other = Api.at(port).as("omsorg", "placera-demo").get("/api/reports/grundrapport/result" + WINDOW)
                .expect(200).json();
        List<String> evaluationMethods = new ArrayList<>();
        fixtures.counts.values().forEach(m -> m.keySet().forEach(id -> {
            String purpose = fixtures.method(id).path("purpose").asString();
            if ((purpose.equals("evaluation") || purpose.equals("follow-up-interview"))
                    && !evaluationMethods.contains(id)) {
                evaluationMethods.add(id);
            }
        }));
        assertThat(home.at("/parts/0/total/values/m0").asLong())
                .isEqualTo(fixtures.count(ReportFixtures.HOME, evaluationMethods));
        assertThat(other.at("/parts/0/total/values/m0").asLong())
                .isEqualTo(fixtures.count(ReportFixtures.OTHER, evaluationMethods));
    }

    @Test
    void theBenchmarkReportHasThreeDimensions() {
        JsonNode report = Api.at(port).asCaseworker().get("/api/reports/grundrapport/result" + WINDOW).expect(200)
                .json();
        JsonNode part = null;
        for (JsonNode p : report.path("parts")) {
            if (p.path("id").asString().equals("kon-malgrupp-kvartal")) {
                part = p;
            }
        }
        assertThat(part).isNotNull();
        assertThat(part.path("rowDimensions").size()).isEqualTo(2);
        assertThat(part.path("columns").size()).isEqualTo(4);
        assertThat(part.path("columns").get(0).path("label").asString()).isEqualTo(ReportFixtures.YEAR + "-K1");
    }

    @Test
    void theReportGoesToExcelWithRealNumbersAndToPdfWithVectorChartsAndSwedishText() throws Exception {
        Api caseworker = Api.at(port).asCaseworker();
        JsonNode report = caseworker.get("/api/reports/grundrapport/result" + WINDOW).expect(200).json();
        var xlsx = caseworker.download("/api/reports/grundrapport/export.xlsx" + WINDOW).expect(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(report.path("parts").size());
            var keyFigure = wb.getSheetAt(0);
            assertThat(keyFigure.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Antal svar");
            var total = keyFigure.getRow(2).getCell(1);
            assertThat(total.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat((long) total.getNumericCellValue()).isEqualTo(report.at("/parts/0/total/values/m0").asLong());
            // The gender × target group × quarter table: a suppressed cell is "..", the others numbers.
            var table = wb.getSheet("Svar per kön, målgrupp och k");
            assertThat(table).isNotNull();
            int numbers = 0;
            int suppressed = 0;
            for (var row : table) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        numbers++;
                    } else if ("..".equals(cell.getStringCellValue())) {
                        suppressed++;
                    }
                }
            }
            assertThat(numbers).isPositive();
            assertThat(suppressed).isPositive();
        }
        var pdf = caseworker.download("/api/reports/grundrapport/export.pdf" + WINDOW).expect(200);
        var reader = new com.lowagie.text.pdf.PdfReader(pdf.bytes());
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1 + report.path("parts").size());
        var text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        assertThat(text.getTextFromPage(1)).contains("Grundrapport", "Framtagen", "Urval",
                "Inskickade: från " + ReportFixtures.YEAR + "-01-01");
        StringBuilder all = new StringBuilder();
        for (int page = 2; page <= reader.getNumberOfPages(); page++) {
            all.append(text.getTextFromPage(page)).append('\n');
        }
        assertThat(all.toString()).contains("Svar per utförare", "Svar per kön", "Flicka/kvinna", "Pojke/man",
                "Svar per kön, målgrupp och kvartal", "..");
        // Charts are vector graphics: rectangles (bars) and lines in the pages' form XObjects, no images.
        int rectangles = 0;
        int images = 0;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            var object = reader.getPdfObject(i);
            if (object instanceof com.lowagie.text.pdf.PRStream stream) {
                if (com.lowagie.text.pdf.PdfName.IMAGE.equals(stream.get(com.lowagie.text.pdf.PdfName.SUBTYPE))) {
                    images++;
                    continue;
                }
                String ops = new String(com.lowagie.text.pdf.PdfReader.getStreamBytes(stream),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                rectangles += ops.split(" re\\n", -1).length - 1;
            }
        }
        assertThat(images).isZero();
        assertThat(rectangles).isGreaterThan(20);
        reader.close();
    }

    private static void assertMeasuresGoWithTheirCounts(JsonNode report) {
        for (JsonNode part : report.path("parts")) {
            String count = null;
            for (JsonNode m : part.path("measures")) {
                if (m.path("type").asString().equals("count")) {
                    count = m.path("id").asString();
                }
            }
            if (count == null) {
                continue;
            }
            List<JsonNode> cells = new ArrayList<>();
            cells.add(part.path("total"));
            part.path("columnTotals").forEach(cells::add);
            for (JsonNode row : part.path("rows")) {
                cells.add(row.path("total"));
                row.path("cells").forEach(cells::add);
            }
            for (JsonNode cell : cells) {
                if (cell.path("values").path(count).isNull()) {
                    cell.path("values").properties().forEach(e -> assertThat(e.getValue().isNull())
                            .as("%s of a suppressed cell in %s", e.getKey(), part.path("id").asString()).isTrue());
                }
            }
        }
    }
}
