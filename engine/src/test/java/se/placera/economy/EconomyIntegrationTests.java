package se.placera.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import se.placera.placements.PlacementRecorded;
import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;
import se.placera.support.TestUnits;

/** EC-1 over HTTP: costs per placement explained, extra costs (versioned), ECONOMY permissions, GD-1. */
@AppIntegrationTest
class EconomyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PlacementLedger ledger;

    @Autowired
    ApplicationEventPublisher events;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    /** A unit at 4 200 kr a day (price period) and a placement there in Socialförvaltningen. */
    String placement(String administration, Long agreedOre) {
        String providerId = admin().post("/api/register/providers", Map.of("name", "Ekonomi AB " + UUID.randomUUID(),
                "orgNumber", String.format("559%03d-%04d", new java.util.Random().nextInt(1000),
                        new java.util.Random().nextInt(10_000)), "regi", "extern")).expect(201).json().get("id").asString();
        String unitId = admin().post("/api/register/units", TestUnits.hvbForYoungPeople(providerId, "Ekonomigården"))
                .expect(201).json().at("/unit/id").asString();
        String id = "eko-" + UUID.randomUUID();
        ledger.record(new PlacementLedger.LedgerPlacement(id, administration, "Individ- och familjeomsorg",
                "Barn och unga – placeringsgruppen", "handlaggare", unitId, providerId, "barn-unga", "hvb-barn-unga",
                "flicka", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), agreedOre, "akut placering", List.of(),
                List.of(), List.of()));
        return id;
    }

    @Test
    void aPlacementsCostIsExplainedLineByLineAndAnExtraCostIsVersioned() {
        String id = placement("exempelkommun-sof", 425_000L);
        ledger.applyAgreedPrice(new PlacementLedger.AgreedPriceChange("ta-" + id, id, LocalDate.of(2026, 4, 1),
                450_000L, "tilläggsavtal 1"));
        ledger.applyAgreedPrice(new PlacementLedger.AgreedPriceChange("ta-" + id, id, LocalDate.of(2026, 4, 1),
                450_000L, "tilläggsavtal 1")); // twice: changes nothing
        JsonNode view = Api.at(port).asCaseworker().get("/api/economy/placements/" + id + "/costs").expect(200).json();
        assertThat(view.get("lines").size()).isEqualTo(2);
        assertThat(view.at("/lines/0/text").asString())
                .isEqualTo("2026-03-01–2026-03-31: 31 dagar × 4 250 kr, utan avtal");
        assertThat(view.at("/lines/1/text").asString()).contains("30 dagar × 4 500 kr").contains("tilläggsavtal 1");
        // 31 × 4 250 + 30 × 4 500 = 131 750 + 135 000 = 266 750 kr
        assertThat(view.get("amountOre").asLong()).isEqualTo(26_675_000L);
        assertThat(view.get("amountKr").decimalValue()).isEqualByComparingTo("266750.00");
        assertThat(view.get("days").asLong()).isEqualTo(61);

        Map<String, Object> extra = new HashMap<>(Map.of("kind", "resor", "from", "2026-03-15", "amountOre", 125_050));
        // READ is not enough to write.
        var denied = Api.at(port).asCaseworker().post("/api/economy/placements/" + id + "/extra-costs", extra);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asString()).isEqualTo("ECONOMY_FORBIDDEN");
        // Without the revision read: 428; with a stale one: 409.
        var missing = admin().post("/api/economy/placements/" + id + "/extra-costs", extra).expect(428);
        assertThat(missing.json().get("code").asString()).isEqualTo("VERSION_REQUIRED");
        long revision = view.get("revision").asLong();
        extra.put("revision", revision - 1);
        assertThat(admin().post("/api/economy/placements/" + id + "/extra-costs", extra).expect(409).json()
                .get("code").asString()).isEqualTo("ECONOMY_CHANGED");
        extra.put("revision", revision);
        JsonNode after = admin().post("/api/economy/placements/" + id + "/extra-costs", extra).expect(201).json();
        assertThat(after.get("amountOre").asLong()).isEqualTo(26_675_000L + 125_050L);
        assertThat(after.at("/lines/2/text").asString()).isEqualTo("2026-03-15: tillägg resor 1 250,50 kr");
        assertThat(after.get("revision").asLong()).isEqualTo(revision + 1);
        // A bad request is refused with field paths.
        var bad = admin().post("/api/economy/placements/" + id + "/extra-costs",
                Map.of("revision", revision + 1, "from", "2026-03-15")).expect(400).json();
        assertThat(bad.toString()).contains("/kind").contains("/perDayOre");
        // Audited with the write.
        assertThat(admin().get("/api/audit?action=placement.cost.extra&subjectId=" + id).expect(200).text())
                .contains(id);
    }

    @Test
    void economyDataFollowsTheAdministrationAndNeedsTheEconomyPermission() {
        String ours = placement("exempelkommun-sof", 300_000L);
        String theirs = placement("exempelkommun-vof", 310_000L);
        Api omsorg = Api.at(port).as("omsorg", "placera-demo");
        assertThat(omsorg.get("/api/economy/placements/" + ours + "/costs").expect(404).json().get("code").asString())
                .isEqualTo("ECONOMY_PLACEMENT_NOT_FOUND");
        omsorg.get("/api/economy/placements/" + theirs + "/costs").expect(200);
        String byPlacement = "/api/economy/costs?from=2026-01-01&to=2026-12-31&by=PLACEMENT&period=MONTH";
        assertThat(omsorg.get(byPlacement).expect(200).text()).contains(theirs).doesNotContain(ours);
        assertThat(Api.at(port).asCaseworker().get(byPlacement).expect(200).text()).contains(ours)
                .doesNotContain(theirs);
        assertThat(Api.at(port).asCaseworker().get("/api/economy/loyalty?from=2026-01-01&to=2026-12-31").expect(200)
                .text()).contains(ours).doesNotContain(theirs).contains("akut placering");
        // The vendor's system administrator has no ECONOMY permission.
        Api system = Api.at(port).asSystemAdmin();
        assertThat(system.get(byPlacement).expect(403).json().get("code").asString()).isEqualTo("ECONOMY_FORBIDDEN");
        system.get("/api/economy/loyalty").expect(403);
        system.get("/api/economy/placements/" + ours + "/costs").expect(403);
    }

    @Test
    void theRollUpsRowsSumToItsTotal() {
        placement("exempelkommun-sof", 200_000L);
        JsonNode r = admin().get("/api/economy/costs?from=2026-01-01&to=2026-12-31&by=TEAM&period=MONTH").expect(200)
                .json();
        long sum = 0;
        for (JsonNode row : r.get("rows")) {
            sum += row.get("amountOre").asLong();
        }
        assertThat(sum).isEqualTo(r.get("amountOre").asLong()).isPositive();
        JsonNode total = admin().get("/api/economy/costs?from=2026-01-01&to=2026-12-31").expect(200).json();
        assertThat(total.get("amountOre").asLong()).isEqualTo(r.get("amountOre").asLong());
        var tooLong = admin().get("/api/economy/costs?from=2020-01-01&to=2026-12-31&period=DAY").expect(400).json();
        assertThat(tooLong.toString()).contains("/period");
    }

    @Test
    void aDecidedCaseEntersTheLedgerWithItsAgreedPriceOnceHoweverOftenItIsAnnounced() {
        String caseId = "case-" + UUID.randomUUID();
        var e = new PlacementRecorded(caseId, "exempelkommun-sof", "handlaggare", "okand-enhet", "okand", "barn-unga",
                "hvb-barn-unga", "pojke", 3900, LocalDate.of(2026, 2, 1), null, null, "bäst matchning");
        events.publishEvent(e);
        events.publishEvent(e);
        JsonNode view = admin().get("/api/economy/placements/" + caseId + "/costs?from=2026-02-01&to=2026-02-28")
                .expect(200).json();
        assertThat(view.at("/lines/0/text").asString()).isEqualTo("2026-02-01–2026-02-28: 28 dagar × 3 900 kr, utan avtal");
        assertThat(view.get("revision").asLong()).isZero();
        // Closed: the end date is recorded; a later announcement updates the same record.
        events.publishEvent(new PlacementRecorded(caseId, "exempelkommun-sof", "handlaggare", "okand-enhet", "okand",
                "barn-unga", "hvb-barn-unga", "pojke", 3900, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10),
                "avslutad", "bäst matchning"));
        view = admin().get("/api/economy/placements/" + caseId + "/costs?from=2026-02-01&to=2026-02-28").expect(200)
                .json();
        assertThat(view.get("days").asLong()).isEqualTo(10);
        assertThat(admin().get("/api/economy/costs?by=TEAM&from=2026-02-01&to=2026-02-28").expect(200).text())
                .contains("Barn och unga – placeringsgruppen");
    }

    @Test
    void theIndexShowsCostPerDayAgainstQualityOfTheCallersPlacementsOnly() {
        String id = placement("exempelkommun-sof", 425_000L);
        JsonNode cost = admin().get("/api/economy/placements/" + id + "/costs").expect(200).json();
        String unitId = cost.get("unitId").asString();
        admin().post("/api/register/units/" + unitId + "/deviations", Map.of("category", "lex-sarah",
                "description", "rapport", "date", "2026-03-10"));
        JsonNode index = Api.at(port).asCaseworker().get("/api/index/units?from=2026-03-01&to=2026-04-30").expect(200)
                .json();
        JsonNode row = null;
        for (JsonNode r : index.get("rows")) {
            if (r.get("unitId").asString().equals(unitId)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("placementDays").asLong()).isEqualTo(61);
        assertThat(row.get("costPerDayKr").decimalValue()).isEqualByComparingTo("4250.00");
        assertThat(Api.at(port).as("omsorg", "placera-demo").get("/api/index/units?from=2026-03-01&to=2026-04-30")
                .expect(200).text()).doesNotContain(unitId);
        assertThat(Api.at(port).asSystemAdmin().get("/api/index/units").expect(403).json().get("code").asString())
                .isEqualTo("ECONOMY_FORBIDDEN");
    }

    @Test
    void theForecastPricesTheCallersCurrentPlacementsToTheirPlannedEndAndNeedsTheEconomyPermission() {
        LocalDate today = se.placera.shared.SwedishTime.today(java.time.Clock.systemUTC());
        String form = "prognos-" + UUID.randomUUID();
        String id = "eko-" + UUID.randomUUID();
        ledger.record(new PlacementLedger.LedgerPlacement(id, "exempelkommun-sof", "Individ- och familjeomsorg",
                "Barn och unga – placeringsgruppen", "handlaggare", null, null, "barn-unga", form, "flicka",
                today.minusDays(10), today.plusDays(5), 300_000L, "akut placering", List.of(), List.of(), List.of()));
        JsonNode view = Api.at(port).asCaseworker().get("/api/economy/forecast").expect(200).json();
        assertThat(view.get("year").asInt()).isEqualTo(today.getYear());
        assertThat(view.get("lookbackYears").asInt()).isEqualTo(3);
        assertThat(view.get("totalOre").asLong()).isEqualTo(view.get("bookedOre").asLong()
                + view.get("currentOre").asLong() + view.get("newOre").asLong());
        JsonNode part = null;
        for (JsonNode f : view.get("forms")) {
            if (f.get("placementForm").asString().equals(form)) {
                part = f;
            }
        }
        assertThat(part).isNotNull();
        LocalDate end = today.plusDays(5).getYear() == today.getYear() ? today.plusDays(5)
                : LocalDate.of(today.getYear(), 12, 31);
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, end) + 1;
        assertThat(part.get("ongoing").asInt()).isEqualTo(1);
        assertThat(part.get("currentOre").asLong()).isEqualTo(days * 300_000L); // from today to its planned end
        assertThat(part.get("startsInHistory").asInt()).isEqualTo(1);
        assertThat(view.get("method").asString()).contains("planerat slut");
        // Another administration's forecast does not count it.
        assertThat(Api.at(port).as("omsorg", "placera-demo").get("/api/economy/forecast").expect(200).text())
                .doesNotContain(form);
        // Only this year and the next; field path on the error.
        var bad = Api.at(port).asCaseworker().get("/api/economy/forecast?year=" + (today.getYear() + 2)).expect(400)
                .json();
        assertThat(bad.toString()).contains("/year");
        Api.at(port).asCaseworker().get("/api/economy/forecast?year=" + (today.getYear() + 1)).expect(200);
        // ECONOMY READ is needed.
        assertThat(Api.at(port).asSystemAdmin().get("/api/economy/forecast").expect(403).json().get("code")
                .asString()).isEqualTo("ECONOMY_FORBIDDEN");
        // The read is audited.
        assertThat(admin().get("/api/audit?action=economy.forecast.read").expect(200).text())
                .contains("economy.forecast.read");
    }
}
