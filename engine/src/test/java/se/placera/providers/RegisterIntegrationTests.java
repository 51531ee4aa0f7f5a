package se.placera.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.AppIntegrationTest;

@AppIntegrationTest
class RegisterIntegrationTests {

    @LocalServerPort
    int port;

    RegisterFixtures f;

    @BeforeEach
    void setUp() {
        f = new RegisterFixtures(port);
    }

    @Test
    void aUnitIsCreatedReadAndUpdatedWithItsVersion() {
        JsonNode provider = f.createProvider("Registrets Omsorg AB", "extern");
        String area = RegisterFixtures.unique("omr");
        JsonNode created = f.createUnit(RegisterFixtures.hvb(provider.get("id").asString(), "Lindgården HVB", area, 4200));
        String id = created.at("/unit/id").asString();
        assertThat(created.at("/unit/version").asLong()).isEqualTo(1);
        assertThat(created.at("/provider/name").asString()).isEqualTo("Registrets Omsorg AB");
        assertThat(created.at("/currentPrice/perDay").asInt()).isEqualTo(4200);
        assertThat(created.at("/quality/caseworkerRating/display").asString()).isEqualTo("för få svar");

        JsonNode read = f.caseworker.get("/api/register/units/" + id).expect(200).json();
        assertThat(read.at("/unit/ivoPermit/scope/0").asString()).isEqualTo("hvb-barn-unga");

        Map<String, Object> change = RegisterFixtures.hvb(provider.get("id").asString(), "Lindgården HVB", area, 4500);
        change.put("version", 1);
        JsonNode updated = f.admin.put("/api/register/units/" + id, change).expect(200).json();
        assertThat(updated.at("/unit/version").asLong()).isEqualTo(2);
        assertThat(updated.at("/currentPrice/perDay").asInt()).isEqualTo(4500);

        // A stale version is refused and nothing changes.
        change.put("vacancies", 0);
        JsonNode conflict = f.admin.put("/api/register/units/" + id, change).expect(409).json();
        assertThat(conflict.get("code").asString()).isEqualTo("CONCURRENT_UPDATE");
        assertThat(f.admin.get("/api/register/units/" + id).expect(200).json().at("/unit/vacancies").asInt())
                .isEqualTo(2);

        // An update that changes nothing stores nothing.
        Map<String, Object> same = RegisterFixtures.hvb(provider.get("id").asString(), "Lindgården HVB", area, 4500);
        same.put("version", 2);
        assertThat(f.admin.put("/api/register/units/" + id, same).expect(200).json().at("/unit/version").asLong())
                .isEqualTo(2);

        JsonNode list = f.caseworker.get("/api/register/units?tenderArea=" + area).expect(200).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/providerName").asString()).isEqualTo("Registrets Omsorg AB");
        assertThat(list.at("/items/0/pricePerDay").asInt()).isEqualTo(4500);
    }

    @Test
    void theListIsPagedWithOffsetAndLimitAndCountsEveryMatch() {
        JsonNode provider = f.createProvider("Sidornas Omsorg AB", "extern");
        String area = RegisterFixtures.unique("sid");
        for (String name : List.of("Enhet E", "Enhet C", "Enhet A", "Enhet D", "Enhet B")) {
            f.createUnit(RegisterFixtures.hvb(provider.get("id").asString(), name, area, 3000));
        }
        String list = "/api/register/units?tenderArea=" + area;

        JsonNode first = f.caseworker.get(list + "&offset=0&limit=2").expect(200).json();
        assertThat(first.get("total").asInt()).isEqualTo(5);
        assertThat(first.get("offset").asInt()).isZero();
        assertThat(first.get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("items").findValuesAsString("name")).containsExactly("Enhet A", "Enhet B");

        JsonNode second = f.caseworker.get(list + "&offset=2&limit=2").expect(200).json();
        assertThat(second.get("total").asInt()).isEqualTo(5);
        assertThat(second.get("items").findValuesAsString("name")).containsExactly("Enhet C", "Enhet D");
        JsonNode last = f.caseworker.get(list + "&offset=4&limit=2").expect(200).json();
        assertThat(last.get("items").findValuesAsString("name")).containsExactly("Enhet E");

        // Past the end: no items, the total still counted; the filter applies before paging.
        JsonNode beyond = f.caseworker.get(list + "&offset=10&limit=2").expect(200).json();
        assertThat(beyond.get("total").asInt()).isEqualTo(5);
        assertThat(beyond.get("items")).isEmpty();
        JsonNode filtered = f.caseworker.get(list + "&q=enhet%20d&offset=0&limit=2").expect(200).json();
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(filtered.at("/items/0/name").asString()).isEqualTo("Enhet D");

        // Without paging parameters (existing callers): the first 100. Out-of-range values are clamped.
        JsonNode all = f.caseworker.get(list).expect(200).json();
        assertThat(all.get("limit").asInt()).isEqualTo(100);
        assertThat(all.get("items")).hasSize(5);
        JsonNode clamped = f.caseworker.get(list + "&offset=-3&limit=0").expect(200).json();
        assertThat(clamped.get("offset").asInt()).isZero();
        assertThat(clamped.get("limit").asInt()).isEqualTo(1);
        assertThat(clamped.get("items").findValuesAsString("name")).containsExactly("Enhet A");
        assertThat(f.caseworker.get(list + "&limit=5000").expect(200).json().get("limit").asInt()).isEqualTo(1000);
    }

    @Test
    void codedFieldsAreCheckedAgainstThePublishedCodelists() {
        JsonNode provider = f.createProvider("Kodkoll AB", "extern");
        Map<String, Object> unit = RegisterFixtures.hvb(provider.get("id").asString(), "Kodgården",
                RegisterFixtures.unique("omr"), 3000);
        unit.put("placementForms", List.of("hvb-barn-unga", "rymdstation"));
        unit.put("minAge", 18);
        unit.put("prices", List.of(Map.of("model", "per-dygn")));
        JsonNode problem = f.admin.post("/api/register/units", unit).expect(400).json();
        assertThat(problem.get("code").asString()).isEqualTo("REGISTER_INVALID");
        assertThat(problem.get("errors").findValuesAsString("pointer"))
                .contains("/placementForms/1", "/maxAge", "/prices/0/perDay");
        assertThat(problem.get("errors").findValuesAsString("code")).contains("not-in-codelist");

        JsonNode badProvider = f.admin.post("/api/register/providers",
                Map.of("name", "Fel AB", "orgNumber", "12345", "regi", "privat")).expect(400).json();
        assertThat(badProvider.get("errors").findValuesAsString("pointer")).contains("/orgNumber", "/regi");
    }

    @Test
    void caseworkersReadTheRegisterButOnlyTheRegisterPermissionChangesIt() {
        JsonNode provider = f.createProvider("Behörighet AB", "extern");
        f.caseworker.get("/api/register/providers/" + provider.get("id").asString()).expect(200);
        JsonNode denied = f.caseworker.post("/api/register/providers",
                Map.of("name", "Inte tillåtet AB", "orgNumber", RegisterFixtures.orgNumber(), "regi", "extern"))
                .expect(403).json();
        assertThat(denied.get("code").asString()).isEqualTo("REGISTER_FORBIDDEN");
    }

    @Test
    void theIvoPermitPdfAndDocumentsAreStoredWithTheirContentTypeChecked() {
        JsonNode provider = f.createProvider("Dokument AB", "extern");
        String id = f.createUnit(RegisterFixtures.hvb(provider.get("id").asString(), "Dokumentgården",
                RegisterFixtures.unique("omr"), 3000)).at("/unit/id").asString();
        byte[] pdf = se.placera.support.TestPdfs.plain("Tillstånd från IVO");

        JsonNode withPdf = f.sendBytes("PUT", "/api/register/units/" + id + "/ivo-permit/document?filename=tillstand.pdf",
                "application/pdf", pdf, true).expect(200).json();
        assertThat(withPdf.at("/unit/ivoPermit/documentId").asString()).startsWith("f-");
        var download = f.admin.get("/api/register/units/" + id + "/ivo-permit/document").expect(200);
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.contentType()).startsWith("application/pdf");

        // Not a PDF inside, though it says so.
        JsonNode fake = f.sendBytes("PUT", "/api/register/units/" + id + "/ivo-permit/document", "application/pdf",
                "<html>".getBytes(StandardCharsets.US_ASCII), true).expect(400).json();
        assertThat(fake.get("code").asString()).isEqualTo("REGISTER_DOCUMENT_REJECTED");
        // A PDF by its first bytes that no parser can read; an encrypted and an active PDF (the attachments' check).
        JsonNode broken = f.sendBytes("PUT", "/api/register/units/" + id + "/ivo-permit/document", "application/pdf",
                "%PDF-1.4\n% fake\n%%EOF".getBytes(StandardCharsets.US_ASCII), true).expect(415).json();
        assertThat(broken.get("code").asString()).isEqualTo("ATTACHMENT_NOT_PDF");
        JsonNode locked = f.sendBytes("PUT", "/api/register/units/" + id + "/ivo-permit/document", "application/pdf",
                se.placera.support.TestPdfs.encrypted(), true).expect(422).json();
        assertThat(locked.get("code").asString()).isEqualTo("ATTACHMENT_ENCRYPTED");
        JsonNode active = f.sendBytes("POST", "/api/register/units/" + id + "/documents?filename=skript.pdf",
                "application/pdf", se.placera.support.TestPdfs.withOpenActionJavaScript(), true).expect(422).json();
        assertThat(active.get("code").asString()).isEqualTo("ATTACHMENT_ACTIVE_CONTENT");
        assertThat(active.at("/errors/0/code").asString()).isEqualTo("javascript");
        assertThat(f.admin.get("/api/register/units/" + id + "/ivo-permit/document").expect(200).bytes())
                .isEqualTo(pdf);
        f.sendBytes("POST", "/api/register/units/" + id + "/documents?filename=x.exe", "application/x-msdownload",
                new byte[] {'M', 'Z'}, true).expect(400);

        JsonNode withDoc = f.sendBytes("POST", "/api/register/units/" + id + "/documents?filename=info.pdf&kind=information",
                "application/pdf", pdf, true).expect(201).json();
        String docId = withDoc.at("/unit/documents/0/id").asString();
        assertThat(withDoc.at("/unit/documents/0/filename").asString()).isEqualTo("info.pdf");
        assertThat(f.caseworker.get("/api/register/units/" + id + "/documents/" + docId).expect(200).bytes())
                .isEqualTo(pdf);

        // An update of the unit's fields keeps the files.
        Map<String, Object> change = RegisterFixtures.hvb(provider.get("id").asString(), "Dokumentgården 2",
                "x", 3100);
        change.put("version", withDoc.at("/unit/version").asLong());
        JsonNode updated = f.admin.put("/api/register/units/" + id, change).expect(200).json();
        assertThat(updated.at("/unit/documents").size()).isEqualTo(1);
        assertThat(updated.at("/unit/ivoPermit/documentId").asString()).startsWith("f-");

        f.admin.delete("/api/register/units/" + id + "/documents/" + docId).expect(200);
        f.admin.get("/api/register/units/" + id + "/documents/" + docId).expect(404);
    }

    @Test
    void theHttpApiIsDescribedInTheOpenApiDocument() {
        JsonNode doc = se.placera.support.Api.at(port).get("/v3/api-docs").expect(200).json();
        assertThat(doc.get("paths").has("/api/register/units/{id}")).isTrue();
        assertThat(doc.get("paths").has("/api/matching/search")).isTrue();
        assertThat(doc.get("paths").has("/api/register/import")).isTrue();
    }
}
