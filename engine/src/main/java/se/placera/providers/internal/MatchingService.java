package se.placera.providers.internal;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Matching;
import se.placera.providers.Provider;
import se.placera.providers.Quality;
import se.placera.providers.Register;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishOrder;
import se.placera.shared.SwedishTime;

/**
 * Matching over the register in memory: hard filters in a fixed order (each unit is counted under the first it
 * fails), then a score from needs, quality, price, distance and agreement loyalty with the weights of the matching
 * profile, and a Swedish reason per factor.
 */
@Service
class MatchingService implements Matching {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    private final Register register;
    private final UnitQualities qualities;
    private final MatchingProfiles profiles;
    private final Codelists codelists;
    private final Clock clock;

    MatchingService(Register register, UnitQualities qualities, MatchingProfiles profiles, Codelists codelists,
            Clock clock) {
        this.register = register;
        this.qualities = qualities;
        this.profiles = profiles;
        this.codelists = codelists;
        this.clock = clock;
    }

    private record Candidate(Unit unit, Provider provider, Quality quality, Integer price, String priceModel,
            Double distanceKm, FrameworkAgreement framework) {
    }

    @Override
    public Result match(Criteria c) {
        return run(c, null);
    }

    @Override
    public List<Hit> compare(Criteria c, List<String> unitIds) {
        Result r = run(c, unitIds);
        return unitIds.stream().flatMap(id -> r.results().stream().filter(h -> h.unitId().equals(id))).toList();
    }

    @Override
    public List<Exclusion> exclusions(UnitId id) {
        Unit u = register.unit(id).orElseThrow(() -> PlaceraException.notFound(RegisterProblemCodes.UNIT_NOT_FOUND,
                "There is no unit '" + id.value() + "'."));
        Provider p = register.provider(new se.placera.providers.ProviderId(u.providerId())).orElse(null);
        LocalDate today = SwedishTime.today(clock);
        List<Exclusion> out = new ArrayList<>();
        if (inactive(u, p)) {
            out.add(new Exclusion("inaktiv", u.isActive() ? "provider" : "unit", null, today));
        }
        for (String form : u.placementForms()) {
            boolean required = codelists.flag(Codelists.PLACEMENT_FORMS, form, "tillstandspliktig", false);
            String problem = permitProblem(u, p, form, required, today);
            if (problem != null) {
                out.add(new Exclusion("ivo-tillstand", problem, form, today));
            }
        }
        if (u.priceOn(today).isEmpty()) {
            out.add(new Exclusion("pris", "missing", null, today));
        }
        return out;
    }

    /** The unit or its provider is inactive (or the provider is missing): the unit is never found. */
    static boolean inactive(Unit u, Provider p) {
        return !u.isActive() || p == null || !p.isActive();
    }

    /**
     * Why an external provider's unit lacks the IVO permit a placement form requires on a date ({@code missing},
     * {@code not-yet-valid}, {@code expired}, {@code scope}), or null when it has one or needs none.
     */
    static String permitProblem(Unit u, Provider p, String placementForm, boolean permitRequired, LocalDate date) {
        if (!permitRequired || p == null || !Provider.EXTERN.equals(p.regi())) {
            return null;
        }
        Unit.IvoPermit permit = u.ivoPermit();
        if (permit == null) {
            return "missing";
        }
        if (permit.covers(placementForm, date)) {
            return null;
        }
        if (permit.validFrom() != null && date.isBefore(permit.validFrom())) {
            return "not-yet-valid";
        }
        if (permit.validTo() != null && date.isAfter(permit.validTo())) {
            return "expired";
        }
        return "scope";
    }

    private Result run(Criteria c, List<String> only) {
        validate(c);
        MatchingProfiles.Profile profile = profiles.get(c.profile());
        LocalDate date = c.dateNeeded() == null ? SwedishTime.today(clock) : c.dateNeeded();
        Unit.Location origin = origin(c);
        Map<String, FrameworkAgreement> agreements = new LinkedHashMap<>();
        register.frameworkAgreements().forEach(a -> agreements.put(a.id(), a));
        boolean permitRequired = c.placementForm() != null
                && codelists.flag(Codelists.PLACEMENT_FORMS, c.placementForm(), "tillstandspliktig", false);

        Map<String, Integer> excluded = new LinkedHashMap<>();
        for (String f : List.of("inaktiv", "anbudsomrade", "placeringsform", "malgrupp", "lagrum", "ivo-tillstand",
                "alder", "kon", "ramavtal", "lediga-platser", "pris", "avstand")) {
            excluded.put(f, 0);
        }
        List<Candidate> passed = new ArrayList<>();
        for (Unit u : register.units()) {
            Provider p = register.provider(new se.placera.providers.ProviderId(u.providerId())).orElse(null);
            String failed = null;
            Integer price = null;
            String priceModel = null;
            Double distance = null;
            FrameworkAgreement framework = null;
            if (inactive(u, p)) {
                failed = "inaktiv";
            } else if (c.tenderArea() != null && !c.tenderArea().equals(u.tenderArea())) {
                failed = "anbudsomrade";
            } else if (c.placementForm() != null && !u.placementForms().contains(c.placementForm())) {
                failed = "placeringsform";
            } else if (c.targetGroup() != null && !u.targetGroups().contains(c.targetGroup())) {
                failed = "malgrupp";
            } else if (c.legalBasis() != null && !u.legalBases().contains(c.legalBasis())) {
                failed = "lagrum";
            } else if (permitProblem(u, p, c.placementForm(), permitRequired, date) != null) {
                failed = "ivo-tillstand";
            } else if (c.age() != null && ((u.minAge() != null && c.age() < u.minAge())
                    || (u.maxAge() != null && c.age() > u.maxAge()))) {
                failed = "alder";
            } else if (c.gender() != null && !u.genders().isEmpty() && !u.genders().contains(c.gender())) {
                failed = "kon";
            }
            if (failed == null && u.agreement() != null && Unit.Agreement.RAMAVTAL.equals(u.agreement().type())) {
                FrameworkAgreement a = agreements.get(u.agreement().frameworkAgreementId());
                boolean unitAgreementValid = (u.agreement().validFrom() == null
                        || !date.isBefore(u.agreement().validFrom()))
                        && (u.agreement().validTo() == null || !date.isAfter(u.agreement().validTo()));
                framework = a != null && a.validOn(date) && unitAgreementValid ? a : null;
            }
            if (failed == null && Boolean.TRUE.equals(c.frameworkOnly()) && framework == null) {
                failed = "ramavtal";
            }
            if (failed == null && Boolean.TRUE.equals(c.requireVacancy())
                    && (u.vacancies() == null || u.vacancies() <= 0)) {
                failed = "lediga-platser";
            }
            if (failed == null) {
                Optional<Unit.Price> pr = u.priceOn(date);
                price = pr.map(Unit.Price::comparablePerDay).orElse(null);
                priceModel = pr.map(Unit.Price::model).orElse(null);
                if (c.maxPrice() != null && price != null && price > c.maxPrice()) {
                    failed = "pris";
                }
            }
            if (failed == null && origin != null && u.location() != null) {
                distance = distanceKm(origin, u.location());
                if (c.maxDistanceKm() != null && distance > c.maxDistanceKm()) {
                    failed = "avstand";
                }
            } else if (failed == null && origin != null && c.maxDistanceKm() != null) {
                failed = "avstand";
            }
            if (failed != null) {
                excluded.merge(failed, 1, Integer::sum);
                continue;
            }
            passed.add(new Candidate(u, p, quality(new UnitId(u.id()), profile), price, priceModel, distance, framework));
        }

        int minPrice = passed.stream().map(Candidate::price).filter(x -> x != null).min(Integer::compare).orElse(0);
        int maxPrice = passed.stream().map(Candidate::price).filter(x -> x != null).max(Integer::compare).orElse(0);
        double sumW = profile.weights().sum();
        List<Hit> hits = new ArrayList<>(passed.size());
        Map<String, Candidate> byId = new java.util.HashMap<>();
        for (Candidate cand : passed) {
            // First the numbers only; the texts are written for the rows returned.
            hits.add(score(cand, c, profile, sumW, minPrice, maxPrice, date, agreements, false));
            byId.put(cand.unit().id(), cand);
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::unitName,
                SwedishOrder.NAMES).thenComparing(Hit::unitId));
        int limit = only != null ? hits.size()
                : c.limit() == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, c.limit()));
        List<Hit> ranked = new ArrayList<>(Math.min(limit, hits.size()));
        for (int i = 0; i < hits.size() && i < limit; i++) {
            if (only != null && !only.contains(hits.get(i).unitId())) {
                continue;
            }
            Hit h = score(byId.get(hits.get(i).unitId()), c, profile, sumW, minPrice, maxPrice, date, agreements,
                    true);
            ranked.add(new Hit(i + 1, h.unitId(), h.unitName(), h.providerId(), h.providerName(), h.regi(),
                    h.municipality(), h.locality(), h.focus(), h.targetGroups(), h.placementForms(), h.genders(),
                    h.minAge(), h.maxAge(), h.agreementType(), h.frameworkAgreement(), h.tenderArea(),
                    h.noticePeriodDays(), h.places(), h.vacancies(), h.pricePerDay(), h.priceModel(),
                    h.caseworkerRating(), h.clientRating(), h.breakdownRate(), h.endedPlacements(), h.deviations(),
                    h.ivoPermit(), h.distanceKm(), h.needsCovered(), h.needsMissing(), h.score(), h.reasons()));
        }
        return new Result(profile.id(), profile.version(), date, passed.size(), excluded, ranked);
    }

    private Hit score(Candidate cand, Criteria c, MatchingProfiles.Profile profile, double sumW, int minPrice,
            int maxPrice, LocalDate date, Map<String, FrameworkAgreement> agreements, boolean texts) {
        Unit u = cand.unit();
        MatchingProfiles.Weights w = profile.weights();
        List<Reason> reasons = new ArrayList<>(6);

        // Needs
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : c.needs()) {
            (u.needs().contains(n) ? covered : missing).add(n);
        }
        double needsScore = c.needs().isEmpty() ? 1.0 : covered.size() / (double) c.needs().size();
        String needsText = !texts ? "" : c.needs().isEmpty() ? "Inga behov angivna"
                : "Tillgodoser " + covered.size() + " av " + c.needs().size() + " behov"
                        + (missing.isEmpty() ? "" : " (saknar: " + String.join(", ", missing.stream()
                                .map(m -> codelists.label(Codelists.NEEDS, m)).toList()) + ")");
        reasons.add(reason("needs", w.needs(), sumW, needsScore, needsText, texts,
                c.needs().isEmpty() ? "needs.none" : "needs.covered",
                params(texts, "covered", covered.size(), "total", c.needs().size(), "missing", List.copyOf(missing))));

        // Quality
        MatchingProfiles.QualitySettings qs = profile.quality();
        Quality q = cand.quality();
        double cw = q.caseworkerRating().sufficient() ? (q.caseworkerRating().value() - 1) / 4.0 : 0.5;
        double cl = q.clientRating().sufficient() ? (q.clientRating().value() - 1) / 4.0 : 0.5;
        double br = q.breakdownRate() == null ? 0.5 : 1 - q.breakdownRate();
        double shares = qs.caseworkerShare() + qs.clientShare() + qs.breakdownShare();
        double qualityScore = shares <= 0 ? 0.5
                : (qs.caseworkerShare() * cw + qs.clientShare() * cl + qs.breakdownShare() * br) / shares;
        String qualityText = !texts ? "" : "Handläggarbetyg " + q.caseworkerRating().display() + ", klientbetyg "
                + q.clientRating().display() + ", sammanbrott "
                + (q.breakdownRate() == null ? "inga avslutade placeringar"
                        : Math.round(q.breakdownRate() * 100) + " % av " + q.endedPlacements() + " avslutade")
                + (q.deviations() > 0 ? ", " + q.deviations() + " avvikelser" : "");
        reasons.add(reason("quality", w.quality(), sumW, qualityScore, qualityText, texts, "quality.summary",
                params(texts, "caseworkerRating", q.caseworkerRating().sufficient() ? q.caseworkerRating().value() : null,
                        "clientRating", q.clientRating().sufficient() ? q.clientRating().value() : null,
                        "breakdownPercent", q.breakdownRate() == null ? null : Math.round(q.breakdownRate() * 100),
                        "endedPlacements", q.endedPlacements(), "deviations", q.deviations())));

        // Price
        double priceScore;
        String priceText;
        String priceCode;
        if (cand.price() == null) {
            priceScore = 0.5;
            boolean individual = Unit.Price.INDIVIDUAL.equals(cand.priceModel());
            priceText = individual ? "Individuellt pris (avtalas per placering)" : "Inget pris för datumet";
            priceCode = individual ? "price.individual" : "price.none";
        } else {
            priceCode = "price.day";
            priceScore = maxPrice == minPrice ? 1.0 : 1 - (cand.price() - minPrice) / (double) (maxPrice - minPrice);
            priceText = !texts ? "" : "Dygnspris " + kr(cand.price()) + (Unit.Price.LEVELS.equals(cand.priceModel())
                    ? " (lägsta nivå)" : "") + (maxPrice == minPrice ? ""
                            : ", spann i resultatet " + kr(minPrice) + "–" + kr(maxPrice));
        }
        // A unit without a comparable price passed a price ceiling untested: say so rather than let it look cheap.
        Integer untested = cand.price() == null ? c.maxPrice() : null;
        if (texts && untested != null) {
            priceText += "; högsta pris " + kr(untested) + " kunde inte prövas";
        }
        reasons.add(reason("price", w.price(), sumW, priceScore, priceText, texts, priceCode,
                params(texts, "price", cand.price(), "lowestLevel", Unit.Price.LEVELS.equals(cand.priceModel()),
                        "min", minPrice, "max", maxPrice, "maxPriceNotApplied", untested)));

        // Distance
        double distanceScore;
        String distanceText;
        String distanceCode;
        if (cand.distanceKm() == null) {
            distanceScore = 0.5;
            boolean noPlace = c.locality() == null && c.lat() == null;
            distanceText = noPlace ? "Ingen ort angiven" : "Avstånd okänt";
            distanceCode = noPlace ? "distance.no-place" : "distance.unknown";
        } else {
            distanceCode = "distance.km";
            distanceScore = profile.halfScoreKm() / (profile.halfScoreKm() + cand.distanceKm());
            distanceText = Math.round(cand.distanceKm()) + " km från " + (c.locality() == null ? "angiven plats"
                    : c.locality());
        }
        reasons.add(reason("distance", w.distance(), sumW, distanceScore, distanceText, texts, distanceCode,
                params(texts, "km", cand.distanceKm() == null ? null : Math.round(cand.distanceKm()),
                        "locality", c.locality())));

        // Agreement loyalty
        String agreementKey;
        String agreementCode;
        String agreementText;
        Provider p = cand.provider();
        if (Provider.EGEN.equals(p.regi())) {
            agreementKey = "egen-regi";
            agreementCode = "egen-regi";
            agreementText = "Egen regi";
        } else if (cand.framework() != null) {
            agreementKey = "ramavtal";
            agreementCode = "ramavtal";
            agreementText = "Ramavtal " + cand.framework().name();
        } else if (u.agreement() != null && u.agreement().type() != null
                && !Unit.Agreement.RAMAVTAL.equals(u.agreement().type())) {
            agreementKey = u.agreement().type();
            agreementCode = Unit.Agreement.DIREKTUPPHANDLING.equals(agreementKey) ? "direktupphandling"
                    : "individavtal";
            agreementText = Unit.Agreement.DIREKTUPPHANDLING.equals(agreementKey) ? "Direktupphandling"
                    : "Individavtal";
        } else {
            agreementKey = "none";
            agreementCode = u.agreement() != null ? "not-valid" : "none";
            agreementText = u.agreement() != null ? "Ramavtalet gäller inte för datumet" : "Inget avtal";
        }
        double agreementScore = profile.agreementScores().getOrDefault(agreementKey, 0.0);
        reasons.add(reason("agreement", w.agreement(), sumW, agreementScore, agreementText, texts,
                "agreement." + agreementCode,
                params(texts, "name", cand.framework() == null ? null : cand.framework().name())));

        // Vacancies: a unit with none cannot take the client now, whatever else it offers.
        Integer vacant = u.vacancies();
        double vacancyScore = vacant == null ? 0.5 : vacant > 0 ? 1.0 : 0.0;
        String vacancyCode = vacant == null ? "vacancy.unknown" : vacant > 0 ? "vacancy.available" : "vacancy.none";
        String vacancyText = vacant == null ? "Lediga platser okänt" : vacant > 0
                ? vacant + (vacant == 1 ? " ledig plats" : " lediga platser") : "Inga lediga platser";
        reasons.add(reason("vacancy", w.vacancy(), sumW, vacancyScore, vacancyText, texts, vacancyCode,
                params(texts, "vacancies", vacant)));

        double total = reasons.stream().mapToDouble(Reason::points).sum();
        Unit.IvoPermit permit = u.ivoPermit();
        IvoSummary ivo = permit == null ? null
                : new IvoSummary(permit.number(), permit.scope(), permit.validTo(),
                        permit.covers(c.placementForm(), date), permit.documentId() != null);
        FrameworkAgreement named = u.agreement() == null || u.agreement().frameworkAgreementId() == null ? null
                : agreements.get(u.agreement().frameworkAgreementId());
        return new Hit(0, u.id(), u.name(), p.id(), p.name(), p.regi(), u.municipality(), u.locality(), u.focus(),
                u.targetGroups(), u.placementForms(), u.genders(), u.minAge(), u.maxAge(),
                Provider.EGEN.equals(p.regi()) && u.agreement() == null ? "egen-regi"
                        : u.agreement() == null ? null : u.agreement().type(),
                named == null ? null : named.name(), u.tenderArea(), u.noticePeriodDays(), u.places(), u.vacancies(),
                cand.price(), cand.priceModel(), q.caseworkerRating(), q.clientRating(), q.breakdownRate(),
                q.endedPlacements(), q.deviations(), ivo,
                cand.distanceKm() == null ? null : QualityService.round(cand.distanceKm(), 1), covered, missing,
                QualityService.round(total, 1), reasons);
    }

    private static Reason reason(String factor, double weight, double sumW, double score, String text,
            boolean texts, String code, Map<String, Object> params) {
        double normalised = sumW <= 0 ? 0 : weight / sumW;
        return new Reason(factor, QualityService.round(normalised, 3), QualityService.round(score, 3),
                QualityService.round(normalised * score * 100, 1), text, texts ? code : "", params);
    }

    /**
     * A reason's parameters in the order given, null values left out; none in the numbers-only pass over every
     * candidate ({@code texts} false), which writes no texts either.
     */
    private static Map<String, Object> params(boolean texts, Object... keysAndValues) {
        if (!texts) {
            return Map.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                params.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static String kr(int amount) {
        return NumberFormat.getIntegerInstance(SV).format(amount).replace('\u00a0', ' ') + " kr";
    }

    /**
     * The position of a locality from the published codelist {@code orter} (value or label, any case), when it is
     * there with numeric {@code lat} and {@code lon}.
     */
    private Optional<Unit.Location> gazetteer(String wanted) {
        return codelists.items(Codelists.LOCALITIES).flatMap(items -> items.values().stream()
                .filter(i -> wanted.equalsIgnoreCase(i.path("value").asString())
                        || wanted.equalsIgnoreCase(i.path("label").asString()))
                .map(i -> i.path("attributes"))
                .filter(a -> a.path("lat").isNumber() && a.path("lon").isNumber())
                .map(a -> new Unit.Location(a.path("lat").asDouble(), a.path("lon").asDouble()))
                .findFirst());
    }

    private Unit.Location origin(Criteria c) {
        if (c.lat() != null && c.lon() != null) {
            return new Unit.Location(c.lat(), c.lon());
        }
        if (c.locality() == null || c.locality().isBlank()) {
            return null;
        }
        String wanted = c.locality().trim();
        Optional<Unit.Location> known = gazetteer(wanted);
        if (known.isPresent()) {
            return known.get();
        }
        List<Unit.Location> there = register.units().stream()
                .filter(u -> u.location() != null
                        && (wanted.equalsIgnoreCase(u.locality()) || wanted.equalsIgnoreCase(u.municipality())))
                .map(Unit::location).toList();
        if (there.isEmpty()) {
            String nearest = nearestLocality(wanted);
            PlaceraException e = PlaceraException.invalid(RegisterProblemCodes.MATCHING_INVALID,
                    "The locality is not known.", List.of(new Problem("/locality", "unknown-locality", "'" + wanted
                            + "' is neither in the codelist of localities (orter) nor the locality of a unit in the "
                            + "register; give lat and lon instead, or add the locality to the codelist."
                            + (nearest == null ? "" : " Did you mean '" + nearest + "'?"))));
            throw nearest == null ? e : e.with("suggestion", nearest);
        }
        // The median of the units' positions there: the same answer whatever order the register is in, and one
        // unit with a stray position cannot move the locality.
        return new Unit.Location(median(there.stream().mapToDouble(Unit.Location::lat).toArray()),
                median(there.stream().mapToDouble(Unit.Location::lon).toArray()));
    }

    /**
     * The known locality (codelist {@code orter}, the register's localities and municipalities) nearest to a
     * misspelt one by edit distance, case ignored; null when none is close (at most a third of its letters, at
     * least two, differ).
     */
    String nearestLocality(String wanted) {
        java.util.Set<String> known = new java.util.TreeSet<>(SwedishOrder.NAMES);
        codelists.items(Codelists.LOCALITIES).ifPresent(items -> items.values()
                .forEach(i -> known.add(i.path("label").asString(i.path("value").asString()))));
        for (Unit u : register.units()) {
            if (u.locality() != null) {
                known.add(u.locality());
            }
            if (u.municipality() != null) {
                known.add(u.municipality());
            }
        }
        String w = wanted.toLowerCase(SV);
        int limit = Math.max(2, w.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (k.isBlank()) {
                continue;
            }
            int d = editDistance(w, k.toLowerCase(SV));
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private void validate(Criteria c) {
        List<Problem> problems = new ArrayList<>();
        check(problems, "/targetGroup", c.targetGroup(), Codelists.TARGET_GROUPS);
        check(problems, "/placementForm", c.placementForm(), Codelists.PLACEMENT_FORMS);
        check(problems, "/gender", c.gender(), Codelists.GENDERS);
        check(problems, "/legalBasis", c.legalBasis(), Codelists.LEGAL_BASES);
        for (int i = 0; i < c.needs().size(); i++) {
            check(problems, "/needs/" + i, c.needs().get(i), Codelists.NEEDS);
        }
        if (c.age() != null && (c.age() < 0 || c.age() > 120)) {
            problems.add(new Problem("/age", RegisterProblemCodes.INVALID_VALUE, "Age must be 0–120."));
        }
        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(new Problem(c.lat() == null ? "/lat" : "/lon", RegisterProblemCodes.REQUIRED,
                    "Give both lat and lon."));
        }
        if (c.maxDistanceKm() != null && c.maxDistanceKm() < 0) {
            problems.add(new Problem("/maxDistanceKm", RegisterProblemCodes.INVALID_VALUE, "Must be 0 or more."));
        }
        if (c.maxPrice() != null && c.maxPrice() < 0) {
            problems.add(new Problem("/maxPrice", RegisterProblemCodes.INVALID_VALUE, "Must be 0 or more."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(RegisterProblemCodes.MATCHING_INVALID, "The search criteria are invalid.",
                    problems);
        }
    }

    private void check(List<Problem> problems, String pointer, String value, String codelist) {
        if (value != null) {
            codelists.check(problems, pointer, value, codelist);
        }
    }

    /** The unit's quality as the profile's quality settings define it (the standard profile's when it is the default). */
    private Quality quality(UnitId unit, MatchingProfiles.Profile profile) {
        return qualities instanceof QualityService service ? service.of(unit, profile.quality()) : qualities.of(unit);
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(Unit.Location a, Unit.Location b) {
        double r = 6371.0;
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
