package se.placera.economy.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import se.placera.economy.EconomyProblemCodes;
import se.placera.economy.Forecasts;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;

/** The forecast over the caller's administrations' ledger (ECONOMY READ); each read is audited. */
@Service
class ForecastService implements Forecasts {

    static final String METHOD = "Prognos = bokfört hittills i år + pågående placeringar × pris i kraft × dagar till "
            + "planerat slut (utan planerat slut: genomsnittlig återstående längd för avslutade placeringar av samma "
            + "placeringsform som varat längre) + förväntade nya placeringar (starter per kalendermånad de senaste "
            + "åren ÷ antal år × andel av månaden kvar) × genomsnittlig dygnskostnad för placeringsformen × dagar av "
            + "genomsnittlig längd som faller inom året. Belopp avrundas till hela öre per placeringsform och månad.";

    private final LedgerService ledger;
    private final CostService costs;
    private final EconomyAccess access;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    ForecastService(LedgerService ledger, CostService costs, EconomyAccess access, AccessScope scope,
            ApplicationEventPublisher events, java.time.Clock clock) {
        this.ledger = ledger;
        this.costs = costs;
        this.access = access;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ForecastView forecast(Integer yearOrNull) {
        CurrentUser user = access.economy(AccessLevel.READ);
        LocalDate today = SwedishTime.today(clock);
        int year = yearOrNull == null ? today.getYear() : yearOrNull;
        if (year != today.getYear() && year != today.getYear() + 1) {
            throw PlaceraException.invalid(EconomyProblemCodes.INVALID, "The forecast covers this year or the next.",
                    List.of(new Problem("/year", "out-of-range",
                            "Prognos finns för innevarande och nästa år (" + today.getYear() + " eller "
                                    + (today.getYear() + 1) + ").")));
        }
        List<PricedPlacement> mine = ledger.placements(scope.visibleAdministrations());
        ForecastModel.Result r = ForecastModel.compute(mine, costs.priceBook(), today, year,
                ForecastModel.DEFAULT_LOOKBACK_YEARS, false);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", year);
        details.put("cutoff", today.toString());
        events.publishEvent(new Audited("economy.forecast.read", "economy", null, user.administrationId(), "success",
                details));
        return new ForecastView(r.year(), r.cutoff(), r.historyFrom(), r.historyTo(), r.lookbackYears(), r.bookedOre(),
                r.currentOre(), r.newOre(), r.totalOre(), CostModel.kronor(r.totalOre()), r.forms(), r.months(),
                METHOD);
    }
}
