package se.placera.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import se.placera.economy.Costs;
import se.placera.economy.EconomyProblemCodes;
import se.placera.economy.PlacementLedger;
import se.placera.providers.Register;
import se.placera.providers.UnitId;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;

/** Cost views over the ledger, scoped to the caller's administrations; reads are audited. */
@Service
class CostService implements Costs {

    /** The longest window a per-day roll-up may cover. */
    static final int MAX_DAY_ROWS_WINDOW = 366;
    /** The longest window of any view (ten years). */
    static final int MAX_WINDOW_DAYS = 3660;

    private final LedgerService ledger;
    private final Register register;
    private final EconomyAccess access;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    CostService(LedgerService ledger, Register register, EconomyAccess access, AccessScope scope,
            ApplicationEventPublisher events, java.time.Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.register = register;
        this.access = access;
        this.scope = scope;
        this.events = events;
    }

    PriceBook priceBook() {
        return new PriceBook(id -> register.unit(new UnitId(id)).orElse(null), register.frameworkAgreements());
    }

    @Override
    public CostRollUp rollUp(LocalDate fromOrNull, LocalDate toOrNull, Dimension by, Period period) {
        CurrentUser user = access.economy(AccessLevel.READ);
        LocalDate from = fromOrNull != null ? fromOrNull : thisYear().get(0);
        LocalDate to = toOrNull != null ? toOrNull : thisYear().get(1);
        window(from, to, period);
        Dimension dim = by == null ? Dimension.TOTAL : by;
        Period per = period == null ? Period.WHOLE : period;
        RollUps.Result r = RollUps.compute(ledger.placements(scope.visibleAdministrations()), priceBook(), from, to,
                dim, per);
        List<CostRollUpRow> rows = new ArrayList<>();
        long days = 0;
        long ore = 0;
        for (var e : RollUps.rows(r)) {
            RollUps.Cell c = e.getValue().getValue();
            rows.add(new CostRollUpRow(e.getKey(), e.getValue().getKey(), c.days, c.ore, CostModel.kronor(c.ore)));
            days += c.days;
            ore += c.ore;
        }
        audit("economy.costs.read", user, Map.of("by", dim.name(), "period", per.name(), "from", from.toString(),
                "to", to.toString()));
        return new CostRollUp(from, to, dim, per, rows, days, ore, CostModel.kronor(ore), r.placements());
    }

    @Override
    public PlacementCostView explain(String placementId, LocalDate from, LocalDate to) {
        access.economy(AccessLevel.READ);
        LedgerDocument d = ledger.load(placementId, "placement.cost.read");
        LocalDate a = from != null ? from : d.startDate;
        LocalDate b = to != null ? to : d.endDate != null ? d.endDate : a.plusYears(1).minusDays(1);
        window(a, b, Period.WHOLE);
        PlacementCostView view = view(d, a, b);
        events.publishEvent(Audited.success("placement.cost.read", "placement", d.id, d.administration));
        return view;
    }

    PlacementCostView view(LedgerDocument d, LocalDate a, LocalDate b) {
        List<CostModel.Segment> segments = CostModel.segments(d.snapshot(), priceBook(), a, b);
        List<CostLine> lines = new ArrayList<>();
        long days = 0;
        long ore = 0;
        for (CostModel.Segment s : segments) {
            lines.add(new CostLine(s.from(), s.to(), s.kind(), s.days(), s.perDayOre(), s.amountOre(), s.source(),
                    s.agreement(), s.within(), CostModel.text(s)));
            days += s.days();
            ore += s.amountOre();
        }
        List<ExtraCostView> extras = d.extraCosts.stream().map(x -> new ExtraCostView(x.id, x.kind, x.from, x.to,
                x.perDayOre, x.amountOre, x.note, x.recordedBy)).toList();
        return new PlacementCostView(d.id, d.unitId, d.providerId, d.startDate, d.endDate, a, b, lines, days, ore,
                CostModel.kronor(ore), extras, d.revision);
    }

    @Override
    public LoyaltyView loyalty(LocalDate fromOrNull, LocalDate toOrNull, Dimension by) {
        CurrentUser user = access.economy(AccessLevel.READ);
        LocalDate from = fromOrNull != null ? fromOrNull : thisYear().get(0);
        LocalDate to = toOrNull != null ? toOrNull : thisYear().get(1);
        window(from, to, Period.WHOLE);
        Dimension dim = by == null ? Dimension.TOTAL : by;
        PriceBook book = priceBook();
        Map<String, RollUps.Cell> groups = new java.util.TreeMap<>();
        RollUps.Cell total = new RollUps.Cell();
        List<OutsidePlacement> outside = new ArrayList<>();
        for (PricedPlacement p : ledger.placements(scope.visibleAdministrations())) {
            if (p.startDate().isAfter(to) || (p.endDate() != null && p.endDate().isBefore(from))) {
                continue;
            }
            RollUps.Cell mine = new RollUps.Cell();
            String agreementOutside = null;
            for (CostModel.Segment s : CostModel.segments(p, book, from, to)) {
                if (!CostModel.DAYS.equals(s.kind())) {
                    continue; // loyalty is about the days bought; extra costs and gaps are not
                }
                mine.days += s.days();
                mine.ore += s.amountOre();
                if (s.within()) {
                    mine.daysWithin += s.days();
                    mine.oreWithin += s.amountOre();
                } else if (agreementOutside == null) {
                    agreementOutside = s.agreement();
                }
            }
            if (mine.days == 0) {
                continue;
            }
            RollUps.Cell g = groups.computeIfAbsent(RollUps.key(p, book, dim), k -> new RollUps.Cell());
            for (RollUps.Cell c : List.of(g, total)) {
                c.days += mine.days;
                c.ore += mine.ore;
                c.daysWithin += mine.daysWithin;
                c.oreWithin += mine.oreWithin;
            }
            if (mine.daysWithin < mine.days) {
                outside.add(new OutsidePlacement(p.id(), p.unitId(), p.providerId(), agreementOutside,
                        mine.days - mine.daysWithin, mine.ore - mine.oreWithin, p.reason()));
            }
        }
        List<LoyaltyRow> rows = new ArrayList<>();
        groups.forEach((k, c) -> rows.add(row(k, c)));
        outside.sort(Comparator.comparingLong(OutsidePlacement::amountOutsideOre).reversed()
                .thenComparing(OutsidePlacement::placementId));
        audit("economy.loyalty.read", user, Map.of("by", dim.name(), "from", from.toString(), "to", to.toString()));
        return new LoyaltyView(from, to, dim, rows, row("totalt", total), outside);
    }

    private static LoyaltyRow row(String key, RollUps.Cell c) {
        return new LoyaltyRow(key, c.days, c.daysWithin, c.ore, c.oreWithin, share(c.daysWithin, c.days),
                share(c.oreWithin, c.ore));
    }

    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    @Override
    public PlacementCostView addExtraCost(String placementId, ExtraCostRequest request) {
        access.economy(AccessLevel.WRITE);
        LedgerDocument d = ledger.load(placementId, "placement.cost.extra");
        ExtraCostRequest r = request == null ? new ExtraCostRequest(null, null, null, null, null, null, null) : request;
        Versions.check(r.revision(), d.revision, "/revision", EconomyProblemCodes.CHANGED);
        List<Problem> problems = new ArrayList<>();
        if (r.kind() == null || r.kind().isBlank() || r.kind().length() > 100) {
            problems.add(new Problem("/kind", "required", "Ange vad tillägget avser (t.ex. resor, extra personal)."));
        }
        if (r.from() == null) {
            problems.add(new Problem("/from", "required", "Ange från vilket datum."));
        }
        if ((r.perDayOre() == null) == (r.amountOre() == null)) {
            problems.add(new Problem("/perDayOre", "one-of", "Ange antingen perDayOre eller amountOre."));
        }
        if (r.perDayOre() != null && (r.perDayOre() <= 0 || r.perDayOre() > 100_000_000L)) {
            problems.add(new Problem("/perDayOre", "out-of-range", "Beloppet per dag måste vara positivt."));
        }
        if (r.amountOre() != null && (r.amountOre() == 0 || Math.abs(r.amountOre()) > 10_000_000_000L)) {
            problems.add(new Problem("/amountOre", "out-of-range", "Beloppet får inte vara noll."));
        }
        if (r.from() != null && r.to() != null && r.to().isBefore(r.from())) {
            problems.add(new Problem("/to", "before-from", "Slutdatum före startdatum."));
        }
        if (r.amountOre() != null && r.to() != null && !r.to().equals(r.from())) {
            problems.add(new Problem("/to", "one-off", "Ett engångsbelopp har ett datum (to = from eller utelämnat)."));
        }
        if (r.note() != null && r.note().length() > 2000) {
            problems.add(new Problem("/note", "too-long", "Högst 2000 tecken."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(EconomyProblemCodes.INVALID, "The extra cost has errors; nothing was stored.",
                    problems);
        }
        try {
            LedgerDocument saved = ledger.addExtra(d, new PlacementLedger.ExtraCostInput(r.kind(), r.from(),
                    r.amountOre() != null ? r.from() : r.to(), r.perDayOre(), r.amountOre(), r.note()));
            LocalDate a = saved.startDate;
            LocalDate b = saved.endDate != null ? saved.endDate : CostModel.max(r.from(), a).plusYears(1);
            return view(saved, a, b);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            throw PlaceraException.conflict(EconomyProblemCodes.CHANGED,
                    "The placement was changed elsewhere. Reload and try again.");
        }
    }

    /** The current calendar year (Swedish time): the default window. */
    List<LocalDate> thisYear() {
        int year = se.placera.shared.SwedishTime.today(clock).getYear();
        return List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    static void window(LocalDate from, LocalDate to, Period period) {
        List<Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Problem("/from", "required", "Ange från-datum."));
        }
        if (to == null) {
            problems.add(new Problem("/to", "required", "Ange till-datum."));
        }
        if (from != null && to != null) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            if (days < 1) {
                problems.add(new Problem("/to", "before-from", "Till-datum före från-datum."));
            } else if (days > MAX_WINDOW_DAYS) {
                problems.add(new Problem("/to", "too-long", "Högst tio år åt gången."));
            } else if (period == Period.DAY && days > MAX_DAY_ROWS_WINDOW) {
                problems.add(new Problem("/period", "too-many-rows", "Per dag högst ett år åt gången."));
            }
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(EconomyProblemCodes.INVALID, "The period is not valid.", problems);
        }
    }

    private void audit(String action, CurrentUser user, Map<String, Object> details) {
        events.publishEvent(new Audited(action, "economy", null, user.administrationId(), "success",
                new LinkedHashMap<>(details)));
    }
}
