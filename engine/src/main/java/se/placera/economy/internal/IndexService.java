package se.placera.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import se.placera.economy.PlacementIndex;
import se.placera.providers.Quality;
import se.placera.providers.Register;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;

/** The placement index over the caller's placements and the register's quality fields. */
@Service
class IndexService implements PlacementIndex {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private final LedgerService ledger;
    private final CostService costs;
    private final Register register;
    private final UnitQualities qualities;
    private final EconomyAccess access;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;

    IndexService(LedgerService ledger, CostService costs, Register register, UnitQualities qualities,
            EconomyAccess access, AccessScope scope, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.costs = costs;
        this.register = register;
        this.qualities = qualities;
        this.access = access;
        this.scope = scope;
        this.events = events;
    }

    @Override
    public IndexView units(LocalDate fromOrNull, LocalDate toOrNull) {
        CurrentUser user = access.require(PlaceraModule.INDEX, AccessLevel.READ);
        LocalDate from = fromOrNull != null ? fromOrNull : costs.thisYear().get(0);
        LocalDate to = toOrNull != null ? toOrNull : costs.thisYear().get(1);
        CostService.window(from, to, se.placera.economy.Costs.Period.WHOLE);
        PriceBook book = costs.priceBook();
        Map<String, long[]> perUnit = new HashMap<>();
        for (PricedPlacement p : ledger.placements(scope.visibleAdministrations())) {
            if (p.unitId() == null || p.startDate().isAfter(to) || (p.endDate() != null && p.endDate().isBefore(from))) {
                continue;
            }
            long[] c = perUnit.computeIfAbsent(p.unitId(), k -> new long[2]);
            for (CostModel.Segment s : CostModel.segments(p, book, from, to)) {
                c[0] += s.days();
                c[1] += s.amountOre();
            }
        }
        List<BigDecimal> perDay = new ArrayList<>();
        perUnit.values().stream().filter(c -> c[0] > 0).forEach(c -> perDay.add(perDayKr(c)));
        perDay.sort(Comparator.naturalOrder());
        BigDecimal median = perDay.isEmpty() ? null : perDay.size() % 2 == 1 ? perDay.get(perDay.size() / 2)
                : perDay.get(perDay.size() / 2 - 1).add(perDay.get(perDay.size() / 2))
                        .divide(BigDecimal.TWO, 2, RoundingMode.HALF_EVEN);
        List<IndexRow> rows = new ArrayList<>();
        perUnit.forEach((unitId, c) -> {
            if (c[0] == 0) {
                return;
            }
            Unit unit = register.unit(new UnitId(unitId)).orElse(null);
            Quality q = qualities.of(new UnitId(unitId));
            BigDecimal cw = rating(q.caseworkerRating());
            BigDecimal cl = rating(q.clientRating());
            BigDecimal breakdown = q.breakdownRate() == null ? null
                    : BigDecimal.valueOf(q.breakdownRate()).setScale(4, RoundingMode.HALF_EVEN);
            List<BigDecimal> parts = new ArrayList<>();
            if (cw != null) {
                parts.add(cw.subtract(BigDecimal.ONE).divide(FOUR, 4, RoundingMode.HALF_EVEN));
            }
            if (cl != null) {
                parts.add(cl.subtract(BigDecimal.ONE).divide(FOUR, 4, RoundingMode.HALF_EVEN));
            }
            if (breakdown != null) {
                parts.add(BigDecimal.ONE.subtract(breakdown));
            }
            BigDecimal quality = parts.isEmpty() ? null : parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(parts.size()), 4, RoundingMode.HALF_EVEN);
            BigDecimal cost = perDayKr(c);
            BigDecimal factor = median == null || median.signum() == 0 ? null
                    : cost.divide(median, 4, RoundingMode.HALF_EVEN);
            BigDecimal index = quality == null || factor == null || factor.signum() == 0 ? null
                    : quality.divide(factor, 4, RoundingMode.HALF_EVEN);
            rows.add(new IndexRow(unitId, unit == null ? null : unit.name(), unit == null ? null : unit.providerId(),
                    c[0], c[1], cost, cw, cl, breakdown, q.deviations(), quality, factor, index));
        });
        rows.sort(Comparator.comparing(IndexRow::index, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(IndexRow::unitId));
        events.publishEvent(new Audited("index.read", "economy", null, user.administrationId(), "success",
                Map.of("from", from.toString(), "to", to.toString(), "units", rows.size())));
        return new IndexView(from, to, median, rows);
    }

    private static BigDecimal perDayKr(long[] c) {
        return BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0] * 100), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal rating(Quality.Rating r) {
        return r == null || r.value() == null ? null : BigDecimal.valueOf(r.value()).setScale(1, RoundingMode.HALF_EVEN);
    }
}
