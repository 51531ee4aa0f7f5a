package se.placera.samples.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Provider;
import se.placera.providers.Unit;
import se.placera.providers.UnitQualities;
import se.placera.shared.SwedishTime;

/**
 * Generates the synthetic municipality from a seed: the same seed and scale always give the same records (no
 * clock, no hash-order dependence). Prices follow the ranges of the brief: HVB about 2,500–8,000 kr per day,
 * konsulentstött familjehem 1,500–2,500, stödboende 1,200–2,500.
 */
final class SampleGenerator {

    /** The day the history ends: placements after it are ongoing. Fixed so the data does not change by date. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 10, 31);
    static final LocalDate HISTORY_START = LocalDate.of(2021, 1, 1);
    static final int BASE_UNITS = 400;
    static final int BASE_PLACEMENTS = 3000;

    record Dataset(List<FrameworkAgreement> agreements, List<Provider> providers, List<Unit> units,
            List<SampleRecords.Team> teams, List<SampleRecords.Placement> placements,
            List<UnitQualities.Fact> facts) {
    }

    /** A kind of unit: what it offers and what it costs. */
    record Kind(String key, String word, int share, List<String> placementForms, List<String> targetGroups,
            List<String> legalBases, int minAge, int maxAge, int minPrice, int maxPrice, int minPlaces,
            int maxPlaces, String framework, List<String> needs, String focus, int minMonths, int maxMonths) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("hvb-bu", "HVB", 30, List.of("hvb-barn-unga"), List.of("barn-unga"),
                    List.of("sol", "lvu-2", "lvu-3"), 12, 20, 2500, 8000, 4, 16, "hvb-barn-och-unga",
                    List.of("npf", "missbruk", "valdsproblematik", "psykisk-ohalsa", "sjalvskadebeteende",
                            "traumatisering", "skolsvarigheter", "kriminalitet", "kriminella-natverk",
                            "sexuellt-riskbeteende", "umgange-natverk", "atstorningar", "hedersrelaterat-vald"),
                    "Behandling för ungdomar", 3, 18),
            new Kind("kfh", "Familjehem", 20, List.of("konsulentstott-familjehem"), List.of("barn-unga"),
                    List.of("sol", "lvu-2", "lvu-3"), 0, 20, 1500, 2500, 10, 60, "konsulentstod-familjehemsvard",
                    List.of("npf", "traumatisering", "skolsvarigheter", "umgange-natverk", "psykisk-ohalsa",
                            "intellektuell-funktionsnedsattning", "foraldrastod", "sprak-tolk"),
                    "Konsulentstödda familjehem", 6, 48),
            new Kind("hvb-vm", "Behandlingshem", 15, List.of("hvb-vuxna"), List.of("vuxna-missbruk", "unga-vuxna"),
                    List.of("sol", "lvm"), 18, 99, 2500, 6500, 6, 30, "hvb-vuxna-missbrukare",
                    List.of("missbruk", "samsjuklighet", "psykisk-ohalsa", "spelberoende", "kriminalitet",
                            "boendeformaga", "sysselsattning", "somatisk-vard"),
                    "Behandling av missbruk och beroende", 2, 12),
            new Kind("sb-u", "Stödboende", 15, List.of("stodboende"), List.of("barn-unga"), List.of("sol", "lvu-2",
                    "lvu-3"), 16, 20, 1200, 2500, 4, 20, "stodboende-for-ungdomar",
                    List.of("boendeformaga", "skolsvarigheter", "sysselsattning", "npf", "psykisk-ohalsa",
                            "umgange-natverk", "sprak-tolk"),
                    "Träning inför eget boende", 3, 24),
            new Kind("sb-v", "Stödboende", 10, List.of("stodboende-vuxna"), List.of("vuxna-missbruk",
                    "vuxna-hemloshet"), List.of("sol"), 18, 99, 1200, 2500, 4, 24, "stodboende-for-vuxna-med-missbruk",
                    List.of("missbruk", "boendeformaga", "sysselsattning", "psykisk-ohalsa", "samsjuklighet"),
                    "Boende med stöd efter behandling", 3, 24),
            new Kind("skb", "Skyddat boende", 5, List.of("skyddat-boende"), List.of("vuxna-vald-i-nara-relationer"),
                    List.of("sol"), 18, 99, 1800, 4000, 3, 12, null,
                    List.of("utsatt-for-vald", "hedersrelaterat-vald", "skyddsbehov", "traumatisering",
                            "foraldrastod", "sprak-tolk"),
                    "Skydd och stöd vid våld i nära relation", 1, 6),
            new Kind("egen", "Kommunens HVB", 5, List.of("hvb-barn-unga", "stodboende"), List.of("barn-unga"),
                    List.of("sol", "lvu-2", "lvu-3"), 13, 20, 2200, 4200, 6, 12, null,
                    List.of("skolsvarigheter", "boendeformaga", "umgange-natverk", "npf", "psykisk-ohalsa"),
                    "Kommunens eget HVB och stödboende (egen regi)", 2, 12));

    /** The framework agreements named in the board's control plan (seed 004). */
    static final List<String[]> FRAMEWORKS = List.of(
            new String[] {"hvb-barn-och-unga", "HVB Barn och unga", "hvb-barn-unga"},
            new String[] {"konsulentstod-familjehemsvard", "Konsulentstöd familjehemsvård", "konsulentstott-familjehem"},
            new String[] {"konsulentstod-familjehemsvard-ensamkommande", "Konsulentstöd familjehemsvård, ensamkommande",
                    "konsulentstott-familjehem"},
            new String[] {"hvb-vuxna-missbrukare", "HVB Vuxna missbrukare", "hvb-vuxna"},
            new String[] {"stodboende-for-ungdomar", "Stödboende för ungdomar", "stodboende"},
            new String[] {"stodboende-for-vuxna-med-missbruk", "Stödboende för vuxna med missbruk", "stodboende-vuxna"},
            new String[] {"insatser-for-spelberoende", "Insatser för spelberoende", ""},
            new String[] {"familjepedagogiska-insatser-i-hemmet", "Familjepedagogiska insatser i hemmet", ""},
            new String[] {"ungdomscoach", "Ungdomscoach", ""},
            new String[] {"signs-of-safety", "Signs of Safety", ""});

    static final List<String> TEAMS = List.of("Barn och unga – utredning", "Barn och unga – placering",
            "Familjehemsgruppen", "Ensamkommande barn och unga", "Vuxen – missbruk och beroende",
            "Vuxen – boende och hemlöshet", "Våld i nära relationer");

    private final SeedLists lists;

    SampleGenerator(SeedLists lists) {
        this.lists = lists;
    }

    Dataset generate(long seed, double scale) {
        Random rnd = new Random(seed);
        int unitCount = Math.max(KINDS.size(), (int) Math.round(BASE_UNITS * scale));
        int placementCount = (int) Math.round(BASE_PLACEMENTS * scale);
        List<String> tenderAreas = lists.localities().stream().map(SeedLists.Locality::tenderArea).distinct().toList();

        List<FrameworkAgreement> agreements = new ArrayList<>();
        for (String[] f : FRAMEWORKS) {
            agreements.add(new FrameworkAgreement(f[0], f[1], f[2].isEmpty() ? List.of() : List.of(f[2]), tenderAreas,
                    LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), true, null, null, null));
        }

        List<Provider> providers = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Map<String, Double> latentQuality = new LinkedHashMap<>();
        Set<String> usedUnitNames = new HashSet<>();
        int totalShare = KINDS.stream().mapToInt(Kind::share).sum();
        int providerSeq = 0;
        int unitSeq = 0;
        for (Kind kind : KINDS) {
            int target = Math.max(1, (int) Math.round(unitCount * kind.share() / (double) totalShare));
            int made = 0;
            while (made < target) {
                providerSeq++;
                boolean own = kind.key().equals("egen");
                int size = own ? target : Math.min(target - made, 1 + (rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(4)));
                String providerName = own ? "Exempelkommunen, socialförvaltningen (egen regi)"
                        : pick(rnd, lists.prefixes()) + pick(rnd, lists.suffixes()) + "s "
                                + pick(rnd, lists.companyForms());
                String providerId = String.format("sample-p-%04d", providerSeq);
                String org = String.format("999%03d-%04d", providerSeq % 1000, 1000 + providerSeq);
                String contactFirst = pick(rnd, lists.firstNames());
                String contactLast = pick(rnd, lists.lastNames());
                providers.add(new Provider(providerId, providerName, org, own ? Provider.EGEN : Provider.EXTERN,
                        new Provider.Contact(contactFirst + " " + contactLast,
                                ascii(contactFirst) + "." + ascii(contactLast) + "@" + providerId + ".example",
                                String.format("070-174 06 %02d", 5 + rnd.nextInt(95))),
                        true, null, null, null, null));
                double providerQuality = rnd.nextDouble();
                for (int i = 0; i < size; i++) {
                    unitSeq++;
                    String unitId = String.format("sample-u-%05d", unitSeq);
                    SeedLists.Locality loc = weighted(rnd, lists.localities());
                    String name = pick(rnd, lists.prefixes()) + pick(rnd, lists.suffixes()) + " " + kind.word();
                    if (!usedUnitNames.add(name)) {
                        name = name + " " + loc.name();
                        if (!usedUnitNames.add(name)) {
                            name = name + " " + unitSeq;
                            usedUnitNames.add(name);
                        }
                    }
                    units.add(unit(rnd, kind, unitId, providerId, name, loc, own));
                    double q = Math.max(0, Math.min(1, 0.6 * providerQuality + 0.4 * rnd.nextDouble()));
                    latentQuality.put(unitId, q);
                }
                made += size;
            }
        }

        List<SampleRecords.Team> teams = new ArrayList<>();
        int cwSeq = 0;
        for (int t = 0; t < TEAMS.size(); t++) {
            List<SampleRecords.Caseworker> cws = new ArrayList<>();
            int n = 4 + rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                cwSeq++;
                String first = pick(rnd, lists.firstNames());
                String last = pick(rnd, lists.lastNames());
                cws.add(new SampleRecords.Caseworker(String.format("sample-cw-%03d", cwSeq), first, last,
                        ascii(first) + "." + ascii(last) + cwSeq + "@exempelkommun.example",
                        i == 0 ? "Samordnare" : "Socialsekreterare"));
            }
            teams.add(new SampleRecords.Team(String.format("sample-team-%02d", t + 1), TEAMS.get(t),
                    "Socialförvaltningen", cws));
        }

        List<SampleRecords.Placement> placements = new ArrayList<>();
        List<UnitQualities.Fact> facts = new ArrayList<>();
        long days = REFERENCE_DATE.toEpochDay() - HISTORY_START.toEpochDay();
        for (int i = 1; i <= placementCount; i++) {
            Unit u = units.get(rnd.nextInt(units.size()));
            Kind kind = KINDS.stream().filter(k -> u.focus() != null && u.focus().startsWith(k.focus())).findFirst()
                    .orElse(KINDS.get(0));
            double q = latentQuality.get(u.id());
            SampleRecords.Team team = teamFor(rnd, teams, u);
            SampleRecords.Caseworker cw = team.caseworkers().get(rnd.nextInt(team.caseworkers().size()));
            LocalDate start = HISTORY_START.plusDays(rnd.nextInt((int) days));
            int months = kind.minMonths() + rnd.nextInt(kind.maxMonths() - kind.minMonths() + 1);
            boolean unplanned = rnd.nextDouble() < 0.08 + 0.30 * (1 - q);
            LocalDate plannedEnd = start.plusMonths(months);
            LocalDate end = unplanned ? start.plusDays(14 + rnd.nextInt((int) Math.max(15,
                    plannedEnd.toEpochDay() - start.toEpochDay() - 14))) : plannedEnd;
            boolean ended = !end.isAfter(REFERENCE_DATE);
            String id = String.format("sample-pl-%06d", i);
            int minAge = u.minAge() == null ? 0 : u.minAge();
            int maxAge = u.maxAge() == null ? 80 : Math.min(80, u.maxAge());
            int age = minAge + rnd.nextInt(Math.max(1, maxAge - minAge + 1));
            String gender = u.genders().isEmpty() ? (rnd.nextBoolean() ? "pojke-man" : "flicka-kvinna")
                    : u.genders().get(rnd.nextInt(Math.min(2, u.genders().size())));
            List<String> needs = sample(rnd, u.needs(), 1 + rnd.nextInt(3));
            Integer price = u.prices().isEmpty() ? null
                    : u.priceOn(start).or(() -> u.prices().stream().findFirst()).map(Unit.Price::comparablePerDay)
                            .orElse(null);
            List<SampleRecords.Evaluation> evaluations = new ArrayList<>();
            int evalNo = 0;
            for (int m : new int[] {3, 12}) {
                LocalDate at = start.plusMonths(m);
                if (at.isBefore(ended ? end : REFERENCE_DATE) && rnd.nextDouble() < 0.75) {
                    evalNo++;
                    evaluations.add(evaluation(rnd, id + "-e" + evalNo, at, m == 3 ? "forsta" : "pagaende", q, false));
                }
            }
            if (ended && rnd.nextDouble() < 0.8) {
                evalNo++;
                evaluations.add(evaluation(rnd, id + "-e" + evalNo, end, "slututvardering", unplanned ? q * 0.7 : q,
                        rnd.nextDouble() < 0.5));
            }
            String outcome = !ended ? "pagaende" : unplanned ? "sammanbrott" : "enligt-plan";
            placements.add(new SampleRecords.Placement(id, u.id(), u.providerId(), team.id(), cw.id(),
                    u.targetGroups().get(0), u.placementForms().get(0),
                    u.legalBases().isEmpty() ? "sol" : u.legalBases().get(rnd.nextInt(u.legalBases().size())), gender,
                    age, needs, List.of(reasonFor(u)), start, ended ? end : null, outcome, price,
                    List.copyOf(evaluations)));
            for (SampleRecords.Evaluation e : evaluations) {
                var at = SwedishTime.startOf(e.date());
                if (e.caseworkerRating() != null) {
                    facts.add(new UnitQualities.Fact(e.id() + ":caseworker", u.id(),
                            UnitQualities.Fact.RATING_CASEWORKER, e.caseworkerRating().doubleValue(), at, null));
                }
                if (e.clientRating() != null) {
                    facts.add(new UnitQualities.Fact(e.id() + ":client", u.id(), UnitQualities.Fact.RATING_CLIENT,
                            e.clientRating().doubleValue(), at, null));
                }
            }
            if (ended) {
                facts.add(new UnitQualities.Fact("placement:" + id, u.id(), UnitQualities.Fact.ENDED,
                        unplanned ? 1.0 : 0.0, SwedishTime.startOf(end), null));
            }
            if (rnd.nextDouble() < 0.04 + 0.08 * (1 - q)) {
                facts.add(new UnitQualities.Fact("deviation:" + id, u.id(), UnitQualities.Fact.DEVIATION, null,
                        SwedishTime.startOf(start.plusDays(30)),
                        pick(rnd, List.of("Brister i rapportering", "Avvikelse från avtalad bemanning",
                                "Händelse som rapporterats enligt lex Sarah", "Fakturering över avtalat pris"))));
            }
        }
        return new Dataset(agreements, providers, units, teams, placements, facts);
    }

    private Unit unit(Random rnd, Kind kind, String id, String providerId, String name, SeedLists.Locality loc,
            boolean own) {
        double lat = loc.lat() + (rnd.nextDouble() - 0.5) * 0.06;
        double lon = loc.lon() + (rnd.nextDouble() - 0.5) * 0.1;
        List<String> targetGroups = new ArrayList<>(kind.targetGroups());
        boolean ensamkommande = kind.targetGroups().contains("barn-unga") && rnd.nextDouble() < 0.3;
        if (ensamkommande) {
            targetGroups.add("ensamkommande");
        }
        List<String> genders = switch (rnd.nextInt(10)) {
            case 0, 1 -> List.of("flicka-kvinna");
            case 2, 3 -> List.of("pojke-man");
            default -> List.of("flicka-kvinna", "pojke-man", "annan-ickebinar");
        };
        if (kind.key().equals("skb")) {
            genders = List.of("flicka-kvinna", "annan-ickebinar");
        }
        int minAge = kind.minAge() + (kind.maxAge() - kind.minAge() > 6 && rnd.nextBoolean() ? rnd.nextInt(3) : 0);
        Integer maxAge = kind.maxAge() >= 99 ? null : kind.maxAge() - (rnd.nextInt(4) == 0 ? 2 : 0);
        List<String> legal = new ArrayList<>();
        for (String l : kind.legalBases()) {
            if (l.equals("sol") || rnd.nextDouble() < 0.6) {
                legal.add(l);
            }
        }
        List<String> needs = sample(rnd, kind.needs(), 2 + rnd.nextInt(Math.max(1, kind.needs().size() - 2)));
        int places = kind.minPlaces() + rnd.nextInt(kind.maxPlaces() - kind.minPlaces() + 1);
        int vacancies = rnd.nextInt(10) < 4 ? 0 : rnd.nextInt(Math.max(1, places / 3) + 1);
        int base = kind.minPrice() + rnd.nextInt(kind.maxPrice() - kind.minPrice() + 1);
        base = base / 50 * 50;
        List<Unit.Price> prices = new ArrayList<>();
        int modelDraw = rnd.nextInt(100);
        String model = own || modelDraw < 80 ? Unit.Price.PER_DAY
                : modelDraw < 92 ? Unit.Price.LEVELS : Unit.Price.INDIVIDUAL;
        prices.add(price(model, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), (int) (base * 0.96) / 10 * 10));
        prices.add(price(model, LocalDate.of(2026, 1, 1), null, base));
        Unit.Agreement agreement;
        if (own) {
            agreement = null;
        } else {
            int a = rnd.nextInt(100);
            String framework = kind.framework();
            if (framework != null && ensamkommande && framework.equals("konsulentstod-familjehemsvard")) {
                framework = "konsulentstod-familjehemsvard-ensamkommande";
            }
            agreement = framework != null && a < 60
                    ? new Unit.Agreement(Unit.Agreement.RAMAVTAL, framework, LocalDate.of(2024, 1, 1),
                            LocalDate.of(2027, 12, 31))
                    : new Unit.Agreement(a < 88 ? Unit.Agreement.DIREKTUPPHANDLING : Unit.Agreement.INDIVIDAVTAL, null,
                            null, null);
        }
        Unit.IvoPermit permit = null;
        if (!own) {
            int year = 2012 + rnd.nextInt(13);
            LocalDate validTo = rnd.nextInt(100) < 5 ? LocalDate.of(2025, 6, 30) : null;
            permit = new Unit.IvoPermit(String.format("IVO %d-%05d", year, rnd.nextInt(100_000)),
                    kind.placementForms(), LocalDate.of(year, 1 + rnd.nextInt(12), 1), validTo, null);
        }
        String street = pick(rnd, lists.prefixes()) + "vägen " + (1 + rnd.nextInt(60));
        String postal = String.format("%03d %02d", 100 + rnd.nextInt(880), rnd.nextInt(100));
        return new Unit(id, providerId, name, true, loc.municipality(), loc.name(),
                new Unit.Address(street, postal, loc.name()), new Unit.Location(round(lat), round(lon)),
                kind.focus(), targetGroups, kind.placementForms(), legal, genders, minAge, maxAge, needs, places,
                vacancies, null, prices, agreement, loc.tenderArea(), List.of(0, 14, 30, 30, 60, 90).get(rnd.nextInt(6)),
                permit, List.of(), null, null, null, null);
    }

    private static Unit.Price price(String model, LocalDate from, LocalDate to, int base) {
        return switch (model) {
            case Unit.Price.LEVELS -> {
                Map<String, Integer> levels = new TreeMap<>();
                for (int l = 1; l <= 5; l++) {
                    levels.put(String.valueOf(l), (int) Math.round(base * (0.8 + 0.15 * (l - 1)) / 10.0) * 10);
                }
                yield new Unit.Price(from, to, model, null, levels, null);
            }
            case Unit.Price.INDIVIDUAL -> new Unit.Price(from, to, model, null, null, "Avtalas per placering");
            default -> new Unit.Price(from, to, model, base, null, null);
        };
    }

    private static SampleRecords.Evaluation evaluation(Random rnd, String id, LocalDate at, String occasion, double q,
            boolean withClient) {
        int cw = clamp((int) Math.round(1 + 4 * q + rnd.nextGaussian() * 0.7));
        Integer client = withClient ? clamp((int) Math.round(1.2 + 3.8 * q + rnd.nextGaussian() * 0.9)) : null;
        return new SampleRecords.Evaluation(id, at, occasion, cw, client);
    }

    private static SampleRecords.Team teamFor(Random rnd, List<SampleRecords.Team> teams, Unit u) {
        String tg = u.targetGroups().get(0);
        int index = switch (tg) {
            case "barn-unga" -> u.placementForms().contains("konsulentstott-familjehem") ? 2
                    : u.targetGroups().contains("ensamkommande") && rnd.nextBoolean() ? 3 : rnd.nextInt(2);
            case "vuxna-missbruk" -> 4;
            case "vuxna-hemloshet" -> 5;
            case "vuxna-vald-i-nara-relationer" -> 6;
            default -> 4;
        };
        return teams.get(Math.min(index, teams.size() - 1));
    }

    private static String reasonFor(Unit u) {
        return switch (u.targetGroups().get(0)) {
            case "barn-unga" -> u.placementForms().contains("konsulentstott-familjehem") ? "brister-i-omsorgen"
                    : "eget-beteende";
            case "vuxna-missbruk" -> "missbruk";
            case "vuxna-hemloshet" -> "hemloshet";
            case "vuxna-vald-i-nara-relationer" -> "vald-i-nara-relation";
            default -> "annan";
        };
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(5, v));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static SeedLists.Locality weighted(Random rnd, List<SeedLists.Locality> localities) {
        int total = localities.stream().mapToInt(SeedLists.Locality::weight).sum();
        int r = rnd.nextInt(total);
        for (SeedLists.Locality l : localities) {
            r -= l.weight();
            if (r < 0) {
                return l;
            }
        }
        return localities.get(localities.size() - 1);
    }

    private static List<String> sample(Random rnd, List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n && !copy.isEmpty(); i++) {
            out.add(copy.remove(rnd.nextInt(copy.size())));
        }
        return List.copyOf(out);
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z]", "");
    }
}
