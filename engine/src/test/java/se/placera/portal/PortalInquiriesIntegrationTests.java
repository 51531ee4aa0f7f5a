package se.placera.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import se.placera.security.IdentityTestBase;
import se.placera.support.Api;
import se.placera.support.TestPdfs;
import se.placera.support.TestProviders;
import se.placera.support.TestProviders.TestProvider;

/**
 * The provider portal (issue #13, item 4): provider users see and answer only the inquiries sent to their own
 * organisation, attach checked PDFs (a non-PDF is refused and nothing stored), answer late (marked) and are
 * refused once the round is closed; another provider's inquiry and files are 404; the caseworker of the case sees
 * the answer and downloads its attachment. Every read and write is audited.
 */
class PortalInquiriesIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Grön-Lykta-Vid-Ån-88";

    @Autowired
    MongoTemplate mongo;

    record Portal(String providerId, String unitId, Api api, String contactEmail) {
    }

    /** A provider with a contact address, one HVB for young people, and an activated provider user. */
    private Portal portal(String name) {
        TestProvider p = TestProviders.withUnit(admin(), name, name + " HVB", unique("p") + "@utforare.example");
        String username = unique("portal");
        TestProviders.activeProviderUser(admin(), port, MAIL, p.providerId(), username, PASSWORD);
        return new Portal(p.providerId(), p.unitId(), Api.at(port).as(username, PASSWORD), p.email());
    }

    private static Api caseworker(int port) {
        return Api.at(port).asCaseworker();
    }

    /** A case of the caseworker's and a round to the given units; returns the round. */
    private JsonNode round(List<Portal> to) {
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "19121212-1212");
        c.put("clientName", "Testbarn Testsson");
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("legalBasis", "lvu-2");
        c.put("wantedStart", "2027-01-15");
        JsonNode theCase = caseworker(port).post("/api/cases", c).expect(201).json();
        return caseworker(port).post("/api/cases/" + theCase.get("id").asString() + "/inquiries", Map.of(
                "unitIds", to.stream().map(Portal::unitId).toList(),
                "deadline", Instant.now().plus(Duration.ofDays(3)).toString(),
                "content", Map.of("beskrivning", "Tonåring med behov av strukturerad behandling."),
                "revision", theCase.get("revision").asLong())).expect(201).json();
    }

    private static String inquiryOf(JsonNode round, Portal p) {
        for (JsonNode i : round.get("inquiries")) {
            if (i.get("unitId").asString().equals(p.unitId())) {
                return i.get("id").asString();
            }
        }
        throw new AssertionError("no inquiry to " + p.unitId());
    }

    private static Map<String, Object> yes(int price, List<String> attachments) {
        return Map.of("answers", Map.of("kanTaEmot", "ja", "dygnspris", price, "startdatum", "2027-01-20",
                "transport", "ja", "kommentar", "Välkommen!"), "attachments", attachments);
    }

    /** Moves an inquiry's deadline an hour into the past, as time passing would. */
    private void pastDeadline(String inquiryId) {
        Query byInquiry = Query.query(new Criteria().orOperator(Criteria.where("inquiries._id").is(inquiryId),
                Criteria.where("inquiries.id").is(inquiryId)));
        Document round = mongo.findOne(byInquiry, Document.class, "inquiry_rounds");
        for (Document i : round.getList("inquiries", Document.class)) {
            if (i.getString("_id") != null ? i.getString("_id").equals(inquiryId) : inquiryId.equals(i.get("id"))) {
                i.put("deadline", Date.from(Instant.now().minus(Duration.ofHours(1))));
            }
        }
        mongo.save(round, "inquiry_rounds");
    }

    private int audited(String action, String subjectId) {
        return admin().get("/api/audit?action=" + action + "&subjectId=" + subjectId).expect(200).json().size();
    }

    /**
     * Providers need the client's age to answer an inquiry, never who the client is (docs/cases.md, "What a provider
     * sees"): for the sample client Maja Testdotter (born 2009-06-11, SampleCases), everything the portal and the
     * inquiry mail show the provider is scanned for her personal identity number in every form, her birth date and
     * her name; the age is there. Content in which the caseworker typed her name or number is refused.
     */
    @Test
    void providersSeeTheClientsAgeButNeverHerIdentity() {
        Portal p = portal(unique("Lindgården"));
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "20090611-9839");
        c.put("clientName", "Maja Testdotter");
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("legalBasis", "lvu-3");
        c.put("gender", "flicka-kvinna");
        c.put("needs", List.of("missbruk"));
        c.put("wantedStart", "2027-01-15");
        JsonNode theCase = caseworker(port).post("/api/cases", c).expect(201).json();
        String caseId = theCase.get("id").asString();
        int age = theCase.at("/client/age").asInt();
        assertThat(age).isBetween(17, 18);
        Map<String, Object> round = new HashMap<>(Map.of("unitIds", List.of(p.unitId()),
                "deadline", Instant.now().plus(Duration.ofDays(3)).toString(),
                "revision", theCase.get("revision").asLong()));

        // The caseworker types the client's name or number into the description: refused, nothing sent.
        for (String typed : List.of("Gäller maja testdotter, 17 år.", "Klient 090611-9839.", "Född 2009-06-11.",
                "Pnr 200906119839")) {
            round.put("content", Map.of("beskrivning", typed));
            JsonNode refused = caseworker(port).post("/api/cases/" + caseId + "/inquiries", round).expect(400).json();
            assertThat(refused.toString()).as(typed).contains("/content/beskrivning").contains("inquiry.client-identity");
        }
        assertThat(p.api().get("/api/portal/inquiries").expect(200).json()).isEmpty();

        round.put("content", Map.of("beskrivning", "Flicka med behov av HVB med skola; fungerar bra i grupp."));
        JsonNode sent = caseworker(port).post("/api/cases/" + caseId + "/inquiries", round).expect(201).json();
        String inquiryId = inquiryOf(sent, p);

        List<String> seen = new ArrayList<>();
        JsonNode list = p.api().get("/api/portal/inquiries").expect(200).json();
        seen.add(list.toString());
        JsonNode detail = p.api().get("/api/portal/inquiries/" + inquiryId).expect(200).json();
        seen.add(detail.toString());
        seen.add(p.api().post("/api/portal/inquiries/" + inquiryId + "/form", Map.of("answers", Map.of("kanTaEmot",
                "ja"))).expect(200).text());
        seen.add(awaitMail(p.contactEmail(), ""));
        // The age reaches the provider, as a number.
        assertThat(detail.at("/inquiry/content/alder").asInt()).isEqualTo(age);
        assertThat(list.get(0).at("/content/alder").asInt()).isEqualTo(age);
        for (String text : seen) {
            assertThat(text).doesNotContain("20090611").doesNotContain("090611").doesNotContain("2009-06-11")
                    .doesNotContain("0611-9839").doesNotContain("06119839").doesNotContainIgnoringCase("Maja")
                    .doesNotContainIgnoringCase("Testdotter").doesNotContain(caseId);
        }
    }

    @Test
    void providersAnswerTheirOwnInquiriesWithAPdfLateOrNotAtAllOnceClosed() {
        Portal a = portal(unique("Solgården"));
        Portal b = portal(unique("Ekbacken"));
        JsonNode round = round(List.of(a, b));
        String caseId = round.get("caseId").asString();
        String inquiryA = inquiryOf(round, a);
        String inquiryB = inquiryOf(round, b);

        // Each provider sees its own inquiry only, with the inquiry's content and never the client's identity.
        JsonNode listA = a.api().get("/api/portal/inquiries").expect(200).json();
        assertThat(listA).hasSize(1);
        assertThat(listA.get(0).get("id").asString()).isEqualTo(inquiryA);
        assertThat(listA.get(0).get("status").asString()).isEqualTo("sent");
        assertThat(listA.get(0).at("/content/beskrivning").asString()).startsWith("Tonåring");
        assertThat(listA.toString()).doesNotContain(inquiryB).doesNotContain(b.unitId()).doesNotContain("Testbarn")
                .doesNotContain("1212-1212");
        assertThat(audited("inquiry.list", a.providerId())).isEqualTo(1);

        // The inquiry with the provider-response form to render.
        JsonNode detail = a.api().get("/api/portal/inquiries/" + inquiryA).expect(200).json();
        assertThat(detail.at("/inquiry/responseMethod/id").asString()).isEqualTo("svar-barn-unga-hvb");
        assertThat(detail.at("/form/method/id").asString()).isEqualTo("svar-barn-unga-hvb");
        assertThat(detail.at("/form/areas").size()).isPositive();
        assertThat(detail.at("/form/subject/type").asString()).isEqualTo("inquiry");
        assertThat(detail.get("form").toString()).doesNotContain(caseId).doesNotContain("lvu-2");
        assertThat(detail.get("attachments").size()).isZero();
        // The form follows the answers (the price is asked once the unit can take the placement).
        JsonNode form = a.api().post("/api/portal/inquiries/" + inquiryA + "/form",
                Map.of("answers", Map.of("kanTaEmot", "ja"))).expect(200).json();
        assertThat(form.toString()).contains("\"dygnspris\"");
        a.api().post("/api/portal/inquiries/" + inquiryB + "/form", Map.of("answers", Map.of())).expect(404);
        assertThat(audited("inquiry.read", inquiryA)).isEqualTo(1);

        // Another provider's inquiry does not exist for A, whatever A does with it.
        JsonNode other = a.api().get("/api/portal/inquiries/" + inquiryB).expect(404).json();
        assertThat(other.get("code").asString()).isEqualTo("INQUIRY_NOT_FOUND");
        a.api().post("/api/portal/inquiries/" + inquiryB + "/answer", yes(1, List.of())).expect(404);
        a.api().upload("/api/portal/inquiries/" + inquiryB + "/attachments", "file", "x.pdf", "application/pdf",
                TestPdfs.plain("x")).expect(404);

        // A PNG named .pdf is refused by content and nothing is stored.
        JsonNode png = a.api().upload("/api/portal/inquiries/" + inquiryA + "/attachments", "file", "ivo.pdf",
                "application/pdf", TestPdfs.png()).expect(415).json();
        assertThat(png.get("code").asString()).isEqualTo("ATTACHMENT_NOT_PDF");
        assertThat(a.api().get("/api/portal/inquiries/" + inquiryA).expect(200).json().get("attachments").size())
                .isZero();
        assertThat(mongo.count(Query.query(Criteria.where("metadata.owner").is("inquiry:" + inquiryA)),
                "attachments.files")).isZero();

        // A real PDF is stored for the inquiry; B cannot reach it.
        byte[] pdf = TestPdfs.plain("IVO-tillstånd Solgården");
        JsonNode stored = a.api().upload("/api/portal/inquiries/" + inquiryA + "/attachments", "file",
                "ivo-tillstand.pdf", "application/pdf", pdf).expect(201).json();
        String attachmentId = stored.get("id").asString();
        assertThat(a.api().download("/api/portal/inquiries/" + inquiryA + "/attachments/" + attachmentId)
                .expect(200).bytes()).isEqualTo(pdf);
        b.api().download("/api/portal/inquiries/" + inquiryA + "/attachments/" + attachmentId).expect(404);
        b.api().download("/api/portal/inquiries/" + inquiryB + "/attachments/" + attachmentId).expect(404);

        // An answer naming a file that was not uploaded to the inquiry is refused; then A answers with the PDF.
        JsonNode unknown = a.api().post("/api/portal/inquiries/" + inquiryA + "/answer",
                yes(4100, List.of("finns-inte"))).expect(400).json();
        assertThat(unknown.at("/errors/0/pointer").asString()).isEqualTo("/attachments/0");
        JsonNode answered = a.api().post("/api/portal/inquiries/" + inquiryA + "/answer",
                yes(4100, List.of(attachmentId))).expect(201).json();
        assertThat(answered.at("/answer/late").asBoolean()).isFalse();
        assertThat(answered.at("/answer/attachments/0").asString()).isEqualTo(attachmentId);
        assertThat(answered.get("status").asString()).isEqualTo("answered");

        // B uploads a draft it does not attach, then answers after the deadline: kept, marked late.
        String unnamed = b.api().upload("/api/portal/inquiries/" + inquiryB + "/attachments", "file", "utkast.pdf",
                "application/pdf", TestPdfs.plain("Utkast")).expect(201).json().get("id").asString();
        pastDeadline(inquiryB);
        JsonNode late = b.api().post("/api/portal/inquiries/" + inquiryB + "/answer", yes(3900, List.of()))
                .expect(201).json();
        assertThat(late.at("/answer/late").asBoolean()).isTrue();

        // The caseworker sees A's answer and downloads its attachment; someone who may not see the case cannot.
        JsonNode rounds = caseworker(port).get("/api/cases/" + caseId + "/inquiries").expect(200).json();
        assertThat(rounds.toString()).contains(attachmentId);
        String caseFile = "/api/cases/" + caseId + "/inquiries/" + inquiryA + "/attachments/" + attachmentId;
        Api.Response download = caseworker(port).download(caseFile).expect(200);
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.contentType()).startsWith("application/pdf");
        Api.at(port).as("omsorg", "placera-demo").download(caseFile).expect(404);
        caseworker(port).download("/api/cases/" + caseId + "/inquiries/" + inquiryB + "/attachments/" + attachmentId)
                .expect(404);
        // A file the answer does not name is not the caseworker's to read.
        b.api().download("/api/portal/inquiries/" + inquiryB + "/attachments/" + unnamed).expect(200);
        caseworker(port).download("/api/cases/" + caseId + "/inquiries/" + inquiryB + "/attachments/" + unnamed)
                .expect(404);
        // A's and the caseworker's downloads, and B's refused attempt.
        assertThat(audited("inquiry.attachment.read", inquiryA)).isEqualTo(3);
        assertThat(audited("inquiry.attachment.upload", inquiryA)).isEqualTo(2); // the refused PNG and the PDF

        // The caseworker chooses A: B sees that the placement went elsewhere; the closed round refuses answers.
        long revision = caseworker(port).get("/api/cases/" + caseId).expect(200).json().get("revision").asLong();
        caseworker(port).post("/api/cases/" + caseId + "/decision", Map.of("inquiryId", inquiryA,
                "reason", "Bäst matchning.", "revision", revision)).expect(200);
        JsonNode listB = b.api().get("/api/portal/inquiries").expect(200).json();
        assertThat(listB.get(0).get("status").asString()).isEqualTo("not-chosen");
        assertThat(listB.get(0).get("roundOpen").asBoolean()).isFalse();
        JsonNode closed = a.api().post("/api/portal/inquiries/" + inquiryA + "/answer", yes(4000, List.of()))
                .expect(409).json();
        assertThat(closed.get("code").asString()).isEqualTo("INQUIRY_ROUND_CLOSED");
        b.api().upload("/api/portal/inquiries/" + inquiryB + "/attachments", "file", "sen.pdf", "application/pdf",
                pdf).expect(409);
    }
}
