package se.placera.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.placera.notifications.internal.MailOutbox;
import se.placera.security.IdentityTestBase;
import se.placera.security.PlaceraModule;
import se.placera.shared.Outbox;
import se.placera.shared.PlaceraException;
import se.placera.support.Api;
import se.placera.support.MovableClock;

/**
 * PA-3 to PA-6 and IN-2: a caseworker sends an inquiry round to three units, providers answer (one late, one
 * recorded by the caseworker), the units that have not answered are reminded once, the caseworker chooses one
 * answer and the others get "gick till annan" mails read back from GreenMail; a closed round refuses answers;
 * sending is idempotent and survives the mail outbox failing halfway; a mail that cannot be sent becomes a dead
 * letter administrators see. The app's clock is one the test moves (so this class has its own context).
 */
@Import({InquiryIntegrationTests.Config.class, MovableClock.Config.class})
@TestPropertySource(properties = {"placera.notifications.max-attempts=3", "placera.notifications.retry-initial=1s",
        "placera.inquiries.reminder-before=24h"})
class InquiryIntegrationTests extends IdentityTestBase {

    static final String PASSWORD = "Röd-Båt-Vid-Kajen-17";

    /** Makes the mail outbox "go down" for chosen recipients, once each. */
    static final class MailDown {
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();

        @EventListener
        void on(InquiryMail mail) {
            if (failOnce.remove(mail.to())) {
                throw new IllegalStateException("mail outbox down");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        MailDown mailDown() {
            return new MailDown();
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    MailDown mailDown;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Outbox outbox;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.offset.set(Duration.ZERO);
    }

    Api caseworker() {
        return Api.at(port).asCaseworker();
    }

    record UnitRef(String unitId, String providerId, String email) {
    }

    /** A provider with a contact address and one HVB for young people. */
    UnitRef unit(String name, String email) {
        Api admin = admin();
        String org = String.format("%06d-%04d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000,
                Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 10_000);
        JsonNode provider = admin.post("/api/register/providers", Map.of("name", name + " AB", "orgNumber", org,
                "regi", "extern", "contact", Map.of("name", "Kim Kontakt", "email", email))).expect(201).json();
        Map<String, Object> u = new HashMap<>();
        u.put("providerId", provider.get("id").asString());
        u.put("name", name);
        u.put("municipality", "Uppsala");
        u.put("targetGroups", List.of("barn-unga"));
        u.put("placementForms", List.of("hvb-barn-unga"));
        u.put("places", 8);
        u.put("vacancies", 2);
        u.put("prices", List.of(Map.of("validFrom", "2020-01-01", "model", "per-dygn", "perDay", 4200)));
        JsonNode unit = admin.post("/api/register/units", u).expect(201).json();
        return new UnitRef(unit.at("/unit/id").asString(), provider.get("id").asString(), email);
    }

    List<UnitRef> units(int n) {
        List<UnitRef> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tag = unique("hvb");
            list.add(unit("HVB " + tag, tag + "@utforare.example"));
        }
        return list;
    }

    JsonNode newCase() {
        Map<String, Object> c = new HashMap<>();
        c.put("personalIdentityNumber", "19121212-1212");
        c.put("clientName", "Testbarn Testsson");
        c.put("targetGroup", "barn-unga");
        c.put("placementForm", "hvb-barn-unga");
        c.put("legalBasis", "lvu-2");
        c.put("needs", List.of("npf"));
        c.put("wantedStart", "2027-01-15");
        return caseworker().post("/api/cases", c).expect(201).json();
    }

    Map<String, Object> round(JsonNode c, List<UnitRef> units, Instant deadline) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("unitIds", units.stream().map(UnitRef::unitId).toList());
        r.put("deadline", deadline.toString());
        r.put("content", Map.of("beskrivning", "Tonåring med behov av strukturerad behandling."));
        r.put("revision", c.get("revision").asLong());
        return r;
    }

    Api.Response send(String caseId, Map<String, Object> round, String key) {
        return caseworker().send("POST", "/api/cases/" + caseId + "/inquiries", withKey(round, key));
    }

    /** The Api client sends no custom headers: the idempotency key travels as the body's roundId here. */
    static Map<String, Object> withKey(Map<String, Object> round, String key) {
        Map<String, Object> r = new LinkedHashMap<>(round);
        if (key != null) {
            r.put("roundId", key);
        }
        return r;
    }

    static Map<String, Object> yes(int price, String start) {
        return Map.of("kanTaEmot", "ja", "dygnspris", price, "startdatum", start, "transport", "ja",
                "kommentar", "Välkommen!");
    }

    String inquiryOf(JsonNode round, UnitRef unit) {
        for (JsonNode i : round.get("inquiries")) {
            if (i.get("unitId").asString().equals(unit.unitId())) {
                return i.get("id").asString();
            }
        }
        throw new AssertionError("no inquiry to " + unit.unitId());
    }

    int mailsIn(String to, String subject) {
        int n = 0;
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
                        && m.getSubject().contains(subject)) {
                    n++;
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    long outboxMails(String to, String kind) {
        return mongo.count(Query.query(Criteria.where("to").is(to).and("kind").is(kind)), "mail_outbox");
    }

    @Test
    void aRoundToThreeUnitsIsAnsweredRemindedAndDecided() {
        List<UnitRef> units = units(3);
        UnitRef a = units.get(0);
        UnitRef b = units.get(1);
        UnitRef c = units.get(2);
        JsonNode theCase = newCase();
        String caseId = theCase.get("id").asString();
        Instant deadline = clock.instant().plus(Duration.ofDays(3));

        JsonNode round = send(caseId, round(theCase, units, deadline), null).expect(201).json();
        assertThat(round.get("status").asString()).isEqualTo("open");
        assertThat(round.get("inquiries")).hasSize(3);
        assertThat(round.at("/inquiryMethod/id").asString()).isEqualTo("forfragan-barn-unga-hvb");
        assertThat(round.at("/responseMethod/id").asString()).isEqualTo("svar-barn-unga-hvb");
        // The inquiry's content: the caseworker's text and the case's facts, never the client's identity.
        assertThat(round.at("/content/placeringsform").asString()).isEqualTo("hvb-barn-unga");
        assertThat(round.at("/content/onskatStartdatum").asString()).isEqualTo("2027-01-15");
        assertThat(round.toString()).doesNotContain("Testbarn").doesNotContain("1212-1212");
        JsonNode placedCase = caseworker().get("/api/cases/" + caseId).expect(200).json();
        assertThat(placedCase.get("state").asString()).isEqualTo("forfragan-skickad");
        for (UnitRef u : units) {
            String text = awaitMail(u.email(), "Förfrågan om placering");
            assertThat(text).contains("/portal/forfragningar/" + inquiryOf(round, u)).contains("HVB för barn och unga")
                    .doesNotContain("Testbarn");
        }

        // A provider answers in the portal; another provider cannot answer (or see) A's inquiry.
        String inquiryA = inquiryOf(round, a);
        assertThatThrownBy(() -> inquiries.answer(inquiryA, new Inquiries.Answer(yes(4100, "2027-01-20"), List.of(),
                null), b.providerId())).isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(InquiryProblemCodes.NOT_FOUND));
        assertThatThrownBy(() -> inquiries.forProvider(inquiryA, b.providerId()))
                .isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(InquiryProblemCodes.NOT_FOUND));
        // An answer that offers a place must say the price: refused with a pointer, nothing stored.
        assertThatThrownBy(() -> inquiries.answer(inquiryA, new Inquiries.Answer(Map.of("kanTaEmot", "ja",
                "startdatum", "2027-01-20", "transport", "nej"), List.of(), null), a.providerId()))
                .isInstanceOfSatisfying(PlaceraException.class, e -> {
                    assertThat(e.code()).isEqualTo(InquiryProblemCodes.INVALID);
                    assertThat(e.problems()).anyMatch(p -> p.pointer().equals("/answers/dygnspris"));
                });
        Inquiries.InquiryView answeredA = inquiries.answer(inquiryA, new Inquiries.Answer(yes(4100, "2027-01-20"),
                List.of("bilaga-ivo-tillstand"), null), a.providerId());
        assertThat(answeredA.answer().available()).isTrue();
        assertThat(answeredA.answer().pricePerDay()).isEqualTo(4100);
        assertThat(answeredA.answer().late()).isFalse();
        assertThat(answeredA.answer().attachments()).containsExactly("bilaga-ivo-tillstand");

        // 12 hours before the deadline the units that have not answered are reminded, once.
        clock.offset.set(Duration.ofDays(3).minusHours(12));
        inquiries.remindDue();
        assertThat(inquiries.remindDue()).as("a second run reminds nobody").isZero();
        assertThat(awaitMail(b.email(), "Påminnelse")).contains(inquiryOf(round, b));
        awaitMail(c.email(), "Påminnelse");
        assertThat(outboxMails(b.email(), InquiryMail.REMINDER)).isEqualTo(1);
        assertThat(outboxMails(c.email(), InquiryMail.REMINDER)).isEqualTo(1);
        assertThat(outboxMails(a.email(), InquiryMail.REMINDER)).isZero();

        // After the deadline an answer is still taken, marked late; the caseworker records it (by telephone).
        clock.offset.set(Duration.ofDays(4));
        JsonNode afterLate = caseworker().post("/api/cases/" + caseId + "/inquiries/" + inquiryOf(round, c) + "/answer",
                Map.of("answers", yes(3900, "2027-02-01"), "receivedVia", "telefon")).expect(201).json();
        JsonNode lateAnswer = afterLate.get("inquiries").findValues("answer").stream()
                .filter(x -> !x.isNull() && x.get("pricePerDay").asInt() == 3900).findFirst().orElseThrow();
        assertThat(lateAnswer.get("late").asBoolean()).isTrue();
        assertThat(lateAnswer.get("receivedVia").asString()).isEqualTo("telefon");
        assertThat(lateAnswer.get("recordedBy").asString()).isEqualTo("handlaggare");

        // The caseworker chooses A: the case is placed with A's unit, price and start date.
        long revision = caseworker().get("/api/cases/" + caseId).expect(200).json().get("revision").asLong();
        caseworker().post("/api/cases/" + caseId + "/decision", Map.of("inquiryId", inquiryA, "revision", revision))
                .expect(400);
        JsonNode decided = caseworker().post("/api/cases/" + caseId + "/decision", Map.of("inquiryId", inquiryA,
                "reason", "Bäst matchning och lägst pris.", "revision", revision)).expect(200).json();
        assertThat(decided.get("status").asString()).isEqualTo("closed");
        assertThat(decided.at("/decision/decidedBy").asString()).isEqualTo("handlaggare");
        assertThat(decided.at("/decision/reason").asString()).isEqualTo("Bäst matchning och lägst pris.");
        JsonNode placed = caseworker().get("/api/cases/" + caseId).expect(200).json();
        assertThat(placed.get("state").asString()).isEqualTo("placerad");
        assertThat(placed.at("/placement/unitId").asString()).isEqualTo(a.unitId());
        assertThat(placed.at("/placement/pricePerDay").asInt()).isEqualTo(4100);
        assertThat(placed.at("/placement/startDate").asString()).isEqualTo("2027-01-20");
        assertThat(placed.at("/placement/decidedBy").asString()).isEqualTo("handlaggare");

        // The two others are told the placement went elsewhere; A that it was chosen.
        assertThat(awaitMail(b.email(), "gick till annan")).contains("Förfrågan är avslutad");
        awaitMail(c.email(), "gick till annan");
        assertThat(awaitMail(a.email(), "Ni har valts")).contains("2027-01-20");
        assertThat(outboxMails(a.email(), InquiryMail.PLACED_ELSEWHERE)).isZero();

        // The round is closed: a later answer is refused, by the portal and by the caseworker alike.
        assertThatThrownBy(() -> inquiries.answer(inquiryOf(round, b), new Inquiries.Answer(yes(3000, "2027-01-16"),
                List.of(), null), b.providerId())).isInstanceOfSatisfying(PlaceraException.class,
                        e -> assertThat(e.code()).isEqualTo(InquiryProblemCodes.ROUND_CLOSED));
        JsonNode closed = caseworker().post("/api/cases/" + caseId + "/inquiries/" + inquiryOf(round, b) + "/answer",
                Map.of("answers", yes(3000, "2027-01-16"), "receivedVia", "e-post")).expect(409).json();
        assertThat(closed.get("code").asString()).isEqualTo(InquiryProblemCodes.ROUND_CLOSED);

        // Every step is in the case's audit trail.
        JsonNode audit = admin().get("/api/audit?subjectType=case&subjectId=" + caseId).expect(200).json();
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("inquiry.round.send", "inquiry.answer", "inquiry.remind", "inquiry.decide",
                "case.skicka-forfragan", "case.besluta");
    }

    @Test
    void sendingIsIdempotentAndAMailOutboxFailureHalfwayIsCompletedByARetryWithoutDuplicates() {
        List<UnitRef> units = units(3);
        JsonNode theCase = newCase();
        String caseId = theCase.get("id").asString();
        Map<String, Object> request = round(theCase, units, clock.instant().plus(Duration.ofDays(5)));
        // The mail outbox fails on the second mail of the round.
        mailDown.failOnce.add(units.get(1).email());

        JsonNode first = send(caseId, request, "omgang-1").expect(201).json();
        assertThat(first.get("status").asString()).isEqualTo("open");
        long queued = units.stream().filter(u -> outboxMails(u.email(), InquiryMail.SENT) == 1).count();
        assertThat(queued).isLessThan(3);

        // The same request again (a client retry): the same round, nothing sent twice, the case moved once.
        JsonNode again = send(caseId, request, "omgang-1").expect(201).json();
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        JsonNode rounds = caseworker().get("/api/cases/" + caseId + "/inquiries").expect(200).json();
        assertThat(rounds).hasSize(1);
        JsonNode history = caseworker().get("/api/cases/" + caseId).expect(200).json().get("history");
        assertThat(history).hasSize(1);

        // The outbox retry completes the round's mails; each provider gets exactly one inquiry.
        outbox.sweep(Duration.ZERO);
        for (UnitRef u : units) {
            assertThat(outboxMails(u.email(), InquiryMail.SENT)).isEqualTo(1);
            awaitMail(u.email(), "Förfrågan om placering");
        }
        outbox.sweep(Duration.ZERO);
        mailOutbox.sendDue();
        for (UnitRef u : units) {
            assertThat(mailsIn(u.email(), "Förfrågan om placering")).isEqualTo(1);
        }
    }

    @Test
    void aRoundTheCaseRefusesIsNotStored() {
        List<UnitRef> units = units(1);
        JsonNode theCase = newCase();
        String caseId = theCase.get("id").asString();
        Map<String, Object> stale = round(theCase, units, clock.instant().plus(Duration.ofDays(5)));
        stale.put("revision", theCase.get("revision").asLong() + 7);
        assertThat(send(caseId, stale, "stale").expect(409).json().get("code").asString()).isEqualTo("CASE_CHANGED");
        Map<String, Object> bad = round(theCase, units, clock.instant().minus(Duration.ofDays(1)));
        bad.put("unitIds", List.of(units.get(0).unitId(), "finns-inte"));
        bad.put("content", Map.of());
        JsonNode refused = send(caseId, bad, null).expect(400).json();
        assertThat(refused.get("code").asString()).isEqualTo(InquiryProblemCodes.INVALID);
        assertThat(refused.get("errors").toString()).contains("/deadline", "/unitIds/1", "/content/beskrivning");
        assertThat(caseworker().get("/api/cases/" + caseId + "/inquiries").expect(200).json()).isEmpty();
        assertThat(caseworker().get("/api/cases/" + caseId).expect(200).json().get("state").asString())
                .isEqualTo("utkast");
        assertThat(outboxMails(units.get(0).email(), InquiryMail.SENT)).isZero();
    }

    @Test
    void aMailThatCannotBeSentBecomesADeadLetterTheAdministratorSees() {
        UnitRef broken = unit("HVB Trasig " + unique("x"), "ogiltig@@adress");
        JsonNode theCase = newCase();
        String caseId = theCase.get("id").asString();
        send(caseId, round(theCase, List.of(broken), clock.instant().plus(Duration.ofDays(5))), null).expect(201);
        Query q = Query.query(Criteria.where("to").is("ogiltig@@adress").and("kind").is(InquiryMail.SENT));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            clock.offset.set(clock.offset.get().plus(Duration.ofMinutes(10)));
            mailOutbox.sendDue();
            var doc = mongo.findOne(q, org.bson.Document.class, "mail_outbox");
            status = doc == null ? null : doc.getString("status");
            if ("DEAD".equals(status)) {
                assertThat(doc.getInteger("attempts")).isEqualTo(3);
                break;
            }
        }
        assertThat(status).isEqualTo("DEAD");
        String mailId = mongo.findOne(q, org.bson.Document.class, "mail_outbox").getString("_id");

        JsonNode dead = admin().get("/api/admin/mail-outbox?status=DEAD").expect(200).json();
        assertThat(dead.toString()).contains(mailId);
        assertThat(dead.get("smtpConfigured").asBoolean()).isTrue();
        // Not for a caseworker, and not for another municipality's administrator.
        caseworker().get("/api/admin/mail-outbox").expect(403);
        Api stranger = stranger();
        assertThat(stranger.get("/api/admin/mail-outbox?status=DEAD").expect(200).text()).doesNotContain(mailId);
        assertThat(stranger.post("/api/admin/mail-outbox/" + mailId + "/retry", null).expect(404).json().get("code")
                .asString()).isEqualTo("MAIL_NOT_FOUND");
        // The administrator sends it again.
        assertThat(admin().post("/api/admin/mail-outbox/" + mailId + "/retry", null).expect(200).json().get("status")
                .asString()).isEqualTo("PENDING");
    }

    @Test
    void whoMayNotSeeTheCaseGetsNotFoundFromEveryInquiryEndpoint() {
        List<UnitRef> units = units(2);
        JsonNode theCase = newCase();
        String caseId = theCase.get("id").asString();
        JsonNode round = send(caseId, round(theCase, units, clock.instant().plus(Duration.ofDays(5))), null)
                .expect(201).json();
        String inquiry = inquiryOf(round, units.get(0));
        inquiries.answer(inquiry, new Inquiries.Answer(yes(4000, "2027-01-20"), List.of(), null),
                units.get(0).providerId());
        Map<String, Object> answer = Map.of("answers", yes(3000, "2027-01-16"), "receivedVia", "telefon");
        for (Api outsider : List.of(stranger(), Api.at(port).as("lasare", "placera-demo"),
                Api.at(port).as("omsorg", "placera-demo"))) {
            List<Api.Response> responses = List.of(
                    outsider.get("/api/cases/" + caseId + "/inquiries"),
                    outsider.post("/api/cases/" + caseId + "/inquiries", withKey(round(theCase, units,
                            clock.instant().plus(Duration.ofDays(5))), "kapad")),
                    outsider.put("/api/cases/" + caseId + "/inquiries/" + inquiry + "/deadline",
                            Map.of("deadline", clock.instant().plus(Duration.ofDays(9)).toString())),
                    outsider.post("/api/cases/" + caseId + "/inquiries/" + inquiry + "/answer", answer),
                    outsider.post("/api/cases/" + caseId + "/decision", Map.of("inquiryId", inquiry, "reason", "kapad",
                            "revision", 1)));
            for (Api.Response r : responses) {
                assertThat(r.status()).as(r.text()).isEqualTo(404);
                assertThat(r.json().get("code").asString()).isEqualTo("CASE_NOT_FOUND");
            }
        }
        // Nothing changed.
        JsonNode after = caseworker().get("/api/cases/" + caseId + "/inquiries").expect(200).json().get(0);
        assertThat(after.get("revision").asLong()).isEqualTo(round.get("revision").asLong() + 1);
        assertThat(after.get("status").asString()).isEqualTo("open");
    }

    /** An administrator of Grannkommun with every module at ADMIN. */
    Api stranger() {
        String username = unique("grann-admin");
        Map<String, String> all = new LinkedHashMap<>();
        for (PlaceraModule m : PlaceraModule.values()) {
            all.put(m.name(), "ADMIN");
        }
        Api.at(port).asSystemAdmin().post("/api/users", Map.of("username", username, "firstName", "Greta",
                "lastName", "Granne", "email", username + "@grannkommun.se", "administrations",
                List.of("grannkommun-sof"), "permissions", all)).expect(201);
        String token = tokenIn(awaitMail(username + "@grannkommun.se", "Välkommen"), "/activate");
        Api.at(port).post("/api/auth/activate", Map.of("token", token, "password", PASSWORD)).expect(204);
        return Api.at(port).as(username, PASSWORD);
    }
}
