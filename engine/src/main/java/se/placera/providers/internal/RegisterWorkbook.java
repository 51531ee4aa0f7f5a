package se.placera.providers.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.function.IntConsumer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import se.placera.documents.Spreadsheets;
import se.placera.providers.Matching;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Quality;
import se.placera.providers.RegisterImport;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishOrder;
import se.placera.shared.SwedishTime;

/**
 * The register as an Excel workbook: the template, the export, the import (every row and cell checked, errors by
 * row and column; all or nothing, or the valid rows only), and the export of search results. One row per unit,
 * with its provider's fields and the price period valid today. Re-importing the same file changes nothing:
 * providers are matched by organisationsnummer, units by {@code enhetsId} or else by provider and name, and price
 * periods by their start date.
 */
@Service
public class RegisterWorkbook {

    public static final String SHEET = "Verksamheter";
    static final String CODES_SHEET = "Koder";
    static final String HELP_SHEET = "Instruktioner";

    /** The column keys, in order (error pointers use them; the header row holds the Swedish headers). */
    public static final List<String> COLUMNS = RegisterColumns.ALL.stream().map(RegisterColumns.Column::key).toList();

    /** The Swedish headers of the template, in the order of {@link #COLUMNS}. */
    public static final List<String> HEADERS = RegisterColumns.headers(RegisterColumns.ALL, false);

    static final Set<String> REQUIRED = Set.of("enhetsnamn", "organisationsnummer", "utforare", "regi",
            "malgrupper", "placeringsformer");

    /** Where a problem of the unit's validation lands in the sheet. */
    static final Map<String, String> FIELD_COLUMNS = new LinkedHashMap<>();

    static {
        FIELD_COLUMNS.put("/name", "enhetsnamn");
        FIELD_COLUMNS.put("/providerId", "organisationsnummer");
        FIELD_COLUMNS.put("/orgNumber", "organisationsnummer");
        FIELD_COLUMNS.put("/regi", "regi");
        FIELD_COLUMNS.put("/municipality", "kommun");
        FIELD_COLUMNS.put("/locality", "ort");
        FIELD_COLUMNS.put("/location/lat", "lat");
        FIELD_COLUMNS.put("/location/lon", "lon");
        FIELD_COLUMNS.put("/targetGroups", "malgrupper");
        FIELD_COLUMNS.put("/placementForms", "placeringsformer");
        FIELD_COLUMNS.put("/legalBases", "lagrum");
        FIELD_COLUMNS.put("/genders", "kon");
        FIELD_COLUMNS.put("/minAge", "minAlder");
        FIELD_COLUMNS.put("/maxAge", "maxAlder");
        FIELD_COLUMNS.put("/needs", "behov");
        FIELD_COLUMNS.put("/places", "platser");
        FIELD_COLUMNS.put("/vacancies", "lediga");
        FIELD_COLUMNS.put("/prices/0/model", "prismodell");
        FIELD_COLUMNS.put("/prices/0/perDay", "prisPerDygn");
        FIELD_COLUMNS.put("/prices/0/levels", "prisNiva1");
        FIELD_COLUMNS.put("/prices/0/validTo", "prisGiltigTill");
        FIELD_COLUMNS.put("/agreement/type", "avtalstyp");
        FIELD_COLUMNS.put("/agreement/frameworkAgreementId", "ramavtal");
        FIELD_COLUMNS.put("/agreement/validTo", "avtalGiltigTill");
        FIELD_COLUMNS.put("/noticePeriodDays", "uppsagningstidDagar");
        FIELD_COLUMNS.put("/ivoPermit/number", "ivoNummer");
        FIELD_COLUMNS.put("/ivoPermit/scope", "ivoOmfattning");
        FIELD_COLUMNS.put("/ivoPermit/validTo", "ivoGiltigTill");
        FIELD_COLUMNS.put("/name#provider", "utforare");
    }

    private final Spreadsheets spreadsheets;
    private final RegisterService register;
    private final RegisterValidation validation;
    private final UnitQualities qualities;
    private final Codelists codelists;
    private final ProvidersProperties properties;
    private final Clock clock;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegisterWorkbook.class);
    /** Called before each write of an import with its number (from 0); tests inject a failure part-way here. */
    volatile IntConsumer beforeImportWrite = n -> { };

    RegisterService register() {
        return register;
    }

    RegisterWorkbook(Spreadsheets spreadsheets, RegisterService register, RegisterValidation validation,
            UnitQualities qualities, Codelists codelists, ProvidersProperties properties, Clock clock) {
        this.spreadsheets = spreadsheets;
        this.register = register;
        this.validation = validation;
        this.qualities = qualities;
        this.codelists = codelists;
        this.properties = properties;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- template and export

    /** The empty template with one example row, dropdowns on the coded columns, the codes sheet and instructions. */
    public byte[] template() {
        List<Object> example = new ArrayList<>(Arrays.asList(new Object[COLUMNS.size()]));
        set(example, "enhetsnamn", "Exempelgården HVB");
        set(example, "organisationsnummer", "999999-0001");
        set(example, "utforare", "Exempel Omsorg AB");
        set(example, "regi", "extern");
        set(example, "kommun", "Exempelkommun");
        set(example, "ort", "Exempelby");
        set(example, "lat", 59.33);
        set(example, "lon", 18.06);
        set(example, "inriktning", "Behandling för unga med missbruk");
        set(example, "malgrupper", "barn-unga");
        set(example, "placeringsformer", "hvb-barn-unga");
        set(example, "lagrum", "sol, lvu-3");
        set(example, "kon", "pojke-man, flicka-kvinna");
        set(example, "minAlder", 13);
        set(example, "maxAlder", 17);
        set(example, "behov", "missbruk, skolsvarigheter");
        set(example, "platser", 8);
        set(example, "lediga", 1);
        set(example, "prismodell", Unit.Price.PER_DAY);
        set(example, "prisPerDygn", 4200);
        set(example, "prisGiltigFran", LocalDate.of(SwedishTime.today(clock).getYear(), 1, 1));
        set(example, "avtalstyp", Unit.Agreement.DIREKTUPPHANDLING);
        set(example, "uppsagningstidDagar", 30);
        set(example, "aktiv", "ja");
        RegisterColumns columns = columns();
        return spreadsheets.write(List.of(new Spreadsheets.Sheet(SHEET, HEADERS, List.of(example),
                RegisterColumns.formats(RegisterColumns.ALL), columns.choices()), codesSheet(columns), helpSheet()));
    }

    /**
     * The whole register, one row per unit, sorted by provider and unit name: the template's columns with a label
     * column next to each coded column, and the quality fields (both ignored on import).
     */
    public byte[] export() {
        LocalDate today = SwedishTime.today(clock);
        RegisterColumns columns = columns();
        List<RegisterColumns.Column> all = new ArrayList<>(RegisterColumns.ALL);
        all.addAll(RegisterColumns.QUALITY);
        List<List<Object>> rows = new ArrayList<>();
        register.units().stream()
                .sorted(Comparator.comparing((Unit u) -> providerName(u), SwedishOrder.NAMES)
                        .thenComparing(Unit::name, SwedishOrder.NAMES).thenComparing(Unit::id))
                .forEach(u -> {
                    List<Object> cells = row(u, register.provider(new ProviderId(u.providerId())).orElse(null), today);
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        values.put(COLUMNS.get(i), cells.get(i));
                    }
                    Quality q = qualities.of(new UnitId(u.id()));
                    values.put("handlaggarbetyg", q.caseworkerRating().value());
                    values.put("klientbetyg", q.clientRating().value());
                    values.put("sammanbrottsfrekvens", q.breakdownRate());
                    values.put("avvikelser", q.deviations());
                    rows.add(columns.cells(all, values, true));
                });
        return spreadsheets.write(List.of(new Spreadsheets.Sheet(SHEET, RegisterColumns.headers(all, true), rows,
                RegisterColumns.formats(all), columns.choices()), codesSheet(columns), helpSheet()));
    }

    private RegisterColumns columns() {
        return new RegisterColumns(codelists, register.frameworkAgreements());
    }

    /** Search results with the columns of PA-2 and the reasons, after a first sheet with the search criteria. */
    public byte[] exportResults(Matching.Criteria criteria, Matching.Result result) {
        RegisterColumns columns = columns();
        List<String> headers = List.of("Rang", "Poäng", "Verksamhet", "Utförare", "Ort", "Kommun", "Inriktning",
                "Kön", "Kön" + RegisterColumns.LABEL_SUFFIX, "Lägsta ålder", "Högsta ålder", "Avtalstyp",
                "Avtalstyp" + RegisterColumns.LABEL_SUFFIX, "Ramavtal", "Uppsägningstid (dagar)", "Platser",
                "Lediga platser", "Pris per dygn (kr)", "Prismodell", "Prismodell" + RegisterColumns.LABEL_SUFFIX,
                "Handläggarbetyg", "Klientbetyg", "Andel sammanbrott", "Avvikelser", "IVO-tillstånd",
                "IVO-tillståndet gäller till", "Avstånd (km)", "Behov som saknas",
                "Behov som saknas" + RegisterColumns.LABEL_SUFFIX, "Skäl", "Enhets-id");
        Map<String, Spreadsheets.Format> formats = new LinkedHashMap<>();
        formats.put("Poäng", Spreadsheets.Format.DECIMAL);
        formats.put("Pris per dygn (kr)", Spreadsheets.Format.AMOUNT);
        formats.put("Andel sammanbrott", Spreadsheets.Format.PERCENT);
        formats.put("Avstånd (km)", Spreadsheets.Format.DECIMAL);
        List<List<Object>> rows = new ArrayList<>();
        for (Matching.Hit h : result.results()) {
            String genders = join(h.genders());
            String missing = join(h.needsMissing());
            rows.add(Arrays.asList(h.rank(), h.score(), h.unitName(), h.providerName(), h.locality(), h.municipality(),
                    h.focus(), genders, columns.labels(Codelists.GENDERS, genders), h.minAge(), h.maxAge(),
                    h.agreementType(), columns.labels(RegisterColumns.AGREEMENT_TYPE, h.agreementType()),
                    h.frameworkAgreement(), h.noticePeriodDays(), h.places(), h.vacancies(), h.pricePerDay(),
                    h.priceModel(), columns.labels(RegisterColumns.PRICE_MODEL, h.priceModel()),
                    h.caseworkerRating().display(), h.clientRating().display(), h.breakdownRate(),
                    h.deviations(), h.ivoPermit() == null ? null : h.ivoPermit().number(),
                    h.ivoPermit() == null ? null : h.ivoPermit().validTo(), h.distanceKm(), missing,
                    columns.labels(Codelists.NEEDS, missing),
                    String.join("; ", h.reasons().stream().map(Matching.Reason::text).toList()), h.unitId()));
        }
        return spreadsheets.write(List.of(criteriaSheet(columns, criteria, result),
                new Spreadsheets.Sheet(RESULTS_SHEET, headers, rows, formats, Map.of())));
    }

    static final String CRITERIA_SHEET = "Sökkriterier";
    static final String RESULTS_SHEET = "Sökresultat";
    /** The hard filters of matching in words. */
    static final Map<String, String> EXCLUDED = Map.ofEntries(Map.entry("inaktiv", "inte aktiva"),
            Map.entry("anbudsomrade", "annat anbudsområde"), Map.entry("placeringsform", "annan placeringsform"),
            Map.entry("malgrupp", "annan målgrupp"), Map.entry("lagrum", "annat lagrum"),
            Map.entry("ivo-tillstand", "saknar giltigt IVO-tillstånd"), Map.entry("alder", "annan ålder"),
            Map.entry("kon", "annat kön"), Map.entry("ramavtal", "saknar ramavtal"),
            Map.entry("lediga-platser", "inga lediga platser"), Map.entry("pris", "för högt pris"),
            Map.entry("avstand", "för långt bort"));

    /** What was searched for, in words, so that a saved export says what its list answers. */
    private Spreadsheets.Sheet criteriaSheet(RegisterColumns columns, Matching.Criteria c, Matching.Result result) {
        List<List<Object>> rows = new ArrayList<>();
        java.util.function.BiConsumer<String, Object> add = (name, value) -> {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                rows.add(Arrays.asList(name, value));
            }
        };
        add.accept("Målgrupp", columns.labels(Codelists.TARGET_GROUPS, c.targetGroup()));
        add.accept("Placeringsform", columns.labels(Codelists.PLACEMENT_FORMS, c.placementForm()));
        add.accept("Kön", columns.labels(Codelists.GENDERS, c.gender()));
        add.accept("Ålder", c.age());
        add.accept("Behov", columns.labels(Codelists.NEEDS, join(c.needs())));
        add.accept("Lagrum", columns.labels(Codelists.LEGAL_BASES, c.legalBasis()));
        add.accept("Ort", c.locality());
        add.accept("Största avstånd (km)", c.maxDistanceKm());
        add.accept("Högsta pris per dygn (kr)", c.maxPrice());
        add.accept("Placeringen börjar", result.date() == null ? c.dateNeeded() : result.date());
        add.accept("Bara ramavtal", Boolean.TRUE.equals(c.frameworkOnly()) ? "Ja" : null);
        add.accept("Bara lediga platser", Boolean.TRUE.equals(c.requireVacancy()) ? "Ja" : null);
        add.accept("Anbudsområde", c.tenderArea());
        add.accept("Matchningsprofil", result.profile() + " (version " + result.profileVersion() + ")");
        add.accept("Verksamheter som uppfyller kraven", result.total());
        result.excluded().forEach((filter, n) -> add.accept("Bortvalda – " + EXCLUDED.getOrDefault(filter, filter),
                n == null || n == 0 ? null : n));
        add.accept("Exporterad", SwedishTime.today(clock));
        return new Spreadsheets.Sheet(CRITERIA_SHEET, List.of("Sökkriterium", "Värde"), rows);
    }

    private String providerName(Unit u) {
        return register.provider(new ProviderId(u.providerId())).map(Provider::name).orElse("");
    }

    List<Object> row(Unit u, Provider p, LocalDate today) {
        List<Object> r = new ArrayList<>(Arrays.asList(new Object[COLUMNS.size()]));
        set(r, "enhetsId", u.id());
        set(r, "enhetsnamn", u.name());
        if (p != null) {
            set(r, "organisationsnummer", p.orgNumber());
            set(r, "utforare", p.name());
            set(r, "regi", p.regi());
            if (p.contact() != null) {
                set(r, "kontaktperson", p.contact().name());
                set(r, "kontaktEpost", p.contact().email());
                set(r, "kontaktTelefon", p.contact().phone());
            }
        }
        set(r, "kommun", u.municipality());
        set(r, "ort", u.locality());
        if (u.address() != null) {
            set(r, "gatuadress", u.address().street());
            set(r, "postnummer", u.address().postalCode());
            set(r, "postort", u.address().city());
        }
        if (u.location() != null) {
            set(r, "lat", u.location().lat());
            set(r, "lon", u.location().lon());
        }
        set(r, "inriktning", u.focus());
        set(r, "malgrupper", join(u.targetGroups()));
        set(r, "placeringsformer", join(u.placementForms()));
        set(r, "lagrum", join(u.legalBases()));
        set(r, "kon", join(u.genders()));
        set(r, "minAlder", u.minAge());
        set(r, "maxAlder", u.maxAge());
        set(r, "behov", join(u.needs()));
        set(r, "platser", u.places());
        set(r, "lediga", u.vacancies());
        Unit.Price price = u.priceOn(today).orElseGet(() -> u.prices().stream()
                .max(Comparator.comparing(x -> x.validFrom() == null ? LocalDate.MIN : x.validFrom())).orElse(null));
        if (price != null) {
            set(r, "prismodell", price.model());
            set(r, "prisPerDygn", price.perDay());
            if (price.levels() != null) {
                for (int i = 1; i <= 5; i++) {
                    set(r, "prisNiva" + i, price.levels().get(String.valueOf(i)));
                }
            }
            set(r, "prisGiltigFran", price.validFrom());
            set(r, "prisGiltigTill", price.validTo());
        }
        if (u.agreement() != null) {
            set(r, "avtalstyp", u.agreement().type());
            set(r, "ramavtal", u.agreement().frameworkAgreementId());
            set(r, "avtalGiltigFran", u.agreement().validFrom());
            set(r, "avtalGiltigTill", u.agreement().validTo());
        }
        set(r, "anbudsomrade", u.tenderArea());
        set(r, "uppsagningstidDagar", u.noticePeriodDays());
        if (u.ivoPermit() != null) {
            set(r, "ivoNummer", u.ivoPermit().number());
            set(r, "ivoOmfattning", join(u.ivoPermit().scope()));
            set(r, "ivoGiltigFran", u.ivoPermit().validFrom());
            set(r, "ivoGiltigTill", u.ivoPermit().validTo());
        }
        set(r, "aktiv", u.isActive() ? "ja" : "nej");
        return r;
    }

    private static Spreadsheets.Sheet codesSheet(RegisterColumns columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (RegisterColumns.Column c : RegisterColumns.ALL) {
            if (c.codes() != null) {
                columns.codes(c.codes()).forEach((code, label) -> rows.add(Arrays.asList(c.header(), code, label)));
            }
        }
        return new Spreadsheets.Sheet(CODES_SHEET, List.of("Kolumn", "Kod", "Benämning"), rows);
    }

    private static Spreadsheets.Sheet helpSheet() {
        List<List<Object>> rows = new ArrayList<>();
        for (String line : List.of(
                "En rad per verksamhet. Rubrikraden får inte ändras; kolumnernas ordning spelar ingen roll.",
                "Obligatoriska kolumner: " + String.join(", ", RegisterColumns.ALL.stream()
                        .filter(c -> REQUIRED.contains(c.key())).map(RegisterColumns.Column::header).toList()) + ".",
                "Kolumner med koder har en lista att välja ur. Flera koder i en cell skiljs med komma. Koderna och vad de betyder finns på fliken Koder.",
                "Kolumner som slutar på (benämning) och kvalitetsuppgifterna i en export fylls i av Placera och läses inte vid import.",
                "Utföraren känns igen på organisationsnummer (NNNNNN-NNNN), verksamheten på Enhets-id eller annars på utförare och enhetsnamn.",
                "Priset gäller från datumet i Priset gäller från; en rad med nytt startdatum lägger till en prisperiod, samma startdatum ersätter den.",
                "Datum skrivs ÅÅÅÅ-MM-DD. Aktiv: ja eller nej.",
                "Vid import väljer du: allt eller inget (ett fel stoppar hela importen) eller bara giltiga rader.",
                "Samma fil kan importeras igen utan att något ändras.")) {
            rows.add(List.of(line));
        }
        return new Spreadsheets.Sheet(HELP_SHEET, List.of("Instruktioner"), rows);
    }

    // ---------------------------------------------------------------- import

    /** A row turned into records, or the row's problems. */
    record ParsedRow(int excelRow, Provider provider, Unit unit, List<Problem> problems) {
    }

    public RegisterImport importWorkbook(byte[] xlsx, String mode, boolean validateOnly) {
        String m = mode == null || mode.isBlank() ? RegisterImport.ALL_OR_NOTHING : mode;
        if (!m.equals(RegisterImport.ALL_OR_NOTHING) && !m.equals(RegisterImport.VALID_ROWS)) {
            throw PlaceraException.invalid(RegisterProblemCodes.INVALID, "Unknown import mode.",
                    List.of(new Problem("/mode", RegisterProblemCodes.INVALID_VALUE,
                            "mode must be all-or-nothing or valid-rows.")));
        }
        if (xlsx == null || xlsx.length == 0 || xlsx.length > properties.maxImportBytes()) {
            throw PlaceraException.invalid(RegisterProblemCodes.IMPORT_UNREADABLE,
                    "Send an Excel workbook (.xlsx) of at most " + properties.maxImportBytes() / (1024 * 1024) + " MB.",
                    List.of(new Problem("", "file.rejected", "Empty or too large.")));
        }
        Spreadsheets.Sheet sheet;
        try {
            sheet = spreadsheets.read(new ByteArrayInputStream(xlsx), SHEET);
        } catch (RuntimeException e) {
            try {
                sheet = spreadsheets.read(new ByteArrayInputStream(xlsx), null);
            } catch (RuntimeException e2) {
                throw PlaceraException.invalid(RegisterProblemCodes.IMPORT_UNREADABLE,
                        "The file is not a readable Excel workbook (.xlsx).",
                        List.of(new Problem("", "file.unreadable", "Not an .xlsx workbook.")));
            }
        }
        List<Problem> headerProblems = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sheet.headers().size(); i++) {
            String h = sheet.headers().get(i) == null ? "" : sheet.headers().get(i).trim();
            if (h.isEmpty() || RegisterColumns.ignored(h)) {
                continue;
            }
            Optional<String> key = RegisterColumns.keyOf(h);
            if (key.isEmpty()) {
                headerProblems.add(new Problem("/columns/" + h, RegisterProblemCodes.UNKNOWN_COLUMN,
                        "Rad 1: okänd kolumn '" + h + "'."));
                continue;
            }
            index.put(key.get(), i);
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                headerProblems.add(new Problem("/columns/" + required, RegisterProblemCodes.REQUIRED,
                        "Rad 1: kolumnen '" + RegisterColumns.header(required) + "' saknas."));
            }
        }
        if (!headerProblems.isEmpty()) {
            throw PlaceraException.invalid(RegisterProblemCodes.IMPORT_INVALID,
                    "The header row does not match the template; nothing was imported.", headerProblems);
        }

        LocalDate today = SwedishTime.today(clock);
        Map<String, Provider> providersInFile = new LinkedHashMap<>();
        Set<String> unitIdsInFile = new HashSet<>();
        List<ParsedRow> parsed = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < sheet.rows().size(); i++) {
            List<Object> cells = sheet.rows().get(i);
            if (cells == null || cells.stream().allMatch(c -> c == null || (c instanceof String s && s.isBlank()))) {
                continue;
            }
            rows++;
            ParsedRow row = parseRow(i + 2, cells, index, providersInFile, today);
            if (row.unit() != null && !unitIdsInFile.add(row.unit().id())) {
                row.problems().add(problem(row.excelRow(), "enhetsnamn", "duplicate",
                        "verksamheten förekommer redan tidigare i filen"));
            }
            parsed.add(row);
        }
        List<Problem> errors = new ArrayList<>();
        parsed.forEach(r -> errors.addAll(r.problems()));
        boolean allOrNothing = m.equals(RegisterImport.ALL_OR_NOTHING);
        if (allOrNothing && !errors.isEmpty() && !validateOnly) {
            throw PlaceraException.invalid(RegisterProblemCodes.IMPORT_INVALID,
                    "The file has " + errors.size() + " error(s) in "
                            + parsed.stream().filter(r -> !r.problems().isEmpty()).count()
                            + " row(s); nothing was imported.", errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        int providersCreated = 0;
        int providersUpdated = 0;
        boolean applied = false;
        Map<String, Provider> savedProviders = new HashMap<>();
        // All-or-nothing also while writing: each write pushes its undo; a failure part-way undoes them all.
        Deque<Runnable> undo = new ArrayDeque<>();
        int writes = 0;
        try {
        for (ParsedRow r : parsed) {
            if (!r.problems().isEmpty()) {
                rejected++;
                continue;
            }
            Unit existing = register.unit(new UnitId(r.unit().id())).orElse(null);
            if (validateOnly) {
                if (existing == null) {
                    created++;
                } else if (register.content(existing).equals(register.content(merge(existing, r.unit())))) {
                    unchanged++;
                } else {
                    updated++;
                }
                continue;
            }
            Provider p = savedProviders.get(r.provider().id());
            if (p == null) {
                Provider before = register.provider(new ProviderId(r.provider().id())).orElse(null);
                Provider input = before == null ? r.provider()
                        : new Provider(before.id(), r.provider().name(), r.provider().orgNumber(), r.provider().regi(),
                                r.provider().contact() == null ? before.contact() : r.provider().contact(),
                                before.active(), before.version(), null, null, null);
                beforeImportWrite.accept(writes++);
                p = register.saveProvider(input);
                String savedId = p.id();
                if (before == null || !Objects.equals(before.version(), p.version())) {
                    undo.push(() -> register.undoImportedProvider(savedId, before));
                }
                if (before == null) {
                    providersCreated++;
                    applied = true;
                } else if (!Objects.equals(before.version(), p.version())) {
                    providersUpdated++;
                    applied = true;
                }
                savedProviders.put(p.id(), p);
            }
            beforeImportWrite.accept(writes++);
            if (existing == null) {
                Unit saved = register.saveUnit(r.unit());
                undo.push(() -> register.undoImportedUnit(saved.id(), null));
                created++;
                applied = true;
            } else {
                Unit saved = register.saveUnit(merge(existing, r.unit()));
                if (Objects.equals(saved.version(), existing.version())) {
                    unchanged++;
                } else {
                    undo.push(() -> register.undoImportedUnit(saved.id(), existing));
                    updated++;
                    applied = true;
                }
            }
        }
        } catch (RuntimeException failure) {
            log.warn("Register import failed part-way; undoing {} write(s)", undo.size(), failure);
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException undoFailure) {
                    log.error("Could not undo a write of a failed register import", undoFailure);
                }
            }
            throw PlaceraException.conflict(RegisterProblemCodes.IMPORT_FAILED,
                    "The import failed while writing and was undone; nothing of the file was imported: "
                            + failure.getMessage());
        }
        return new RegisterImport(m, validateOnly, applied, rows, created, updated, unchanged, rejected,
                providersCreated, providersUpdated, errors);
    }

    /** The file's unit on top of the stored one: the file's price period is added or replaces the same start date. */
    static Unit merge(Unit existing, Unit fromFile) {
        List<Unit.Price> prices = new ArrayList<>(existing.prices());
        for (Unit.Price p : fromFile.prices()) {
            // The sheet has no column for the note: a replaced period keeps the one it had.
            String note = existing.prices().stream().filter(x -> Objects.equals(x.validFrom(), p.validFrom()))
                    .map(Unit.Price::note).filter(Objects::nonNull).findFirst().orElse(p.note());
            prices.removeIf(x -> Objects.equals(x.validFrom(), p.validFrom()));
            prices.add(new Unit.Price(p.validFrom(), p.validTo(), p.model(), p.perDay(), p.levels(), note));
        }
        prices.sort(Comparator.comparing(x -> x.validFrom() == null ? LocalDate.MIN : x.validFrom()));
        Unit.IvoPermit permit = fromFile.ivoPermit() == null ? null
                : fromFile.ivoPermit().withDocument(existing.ivoPermit() == null ? null
                        : existing.ivoPermit().documentId());
        return new Unit(existing.id(), fromFile.providerId(), fromFile.name(), fromFile.active(),
                fromFile.municipality(), fromFile.locality(), fromFile.address(), fromFile.location(),
                fromFile.focus(), fromFile.targetGroups(), fromFile.placementForms(), fromFile.legalBases(),
                fromFile.genders(), fromFile.minAge(), fromFile.maxAge(), fromFile.needs(), fromFile.places(),
                fromFile.vacancies(), existing.vacanciesUpdatedAt(), prices, fromFile.agreement(),
                fromFile.tenderArea(), fromFile.noticePeriodDays(), permit, existing.documents(), existing.version(),
                existing.createdAt(), existing.updatedAt(), existing.updatedBy());
    }

    private ParsedRow parseRow(int excelRow, List<Object> cells, Map<String, Integer> index,
            Map<String, Provider> providersInFile, LocalDate today) {
        Cells c = new Cells(excelRow, cells, index);
        for (String required : REQUIRED) {
            if (c.string(required) == null) {
                c.problems.add(problem(excelRow, required, RegisterProblemCodes.REQUIRED, "värde saknas"));
            }
        }
        String orgNumber = RegisterValidation.normaliseOrgNumber(c.string("organisationsnummer"));
        String providerId = orgNumber == null ? null : "p-" + orgNumber.replaceAll("[^0-9]", "");
        Provider.Contact contact = c.string("kontaktperson") == null && c.string("kontaktEpost") == null
                && c.string("kontaktTelefon") == null ? null
                        : new Provider.Contact(c.string("kontaktperson"), c.string("kontaktEpost"),
                                c.string("kontaktTelefon"));
        Provider existingByOrg = orgNumber == null ? null : register.providers().stream()
                .filter(p -> orgNumber.equals(p.orgNumber())).findFirst().orElse(null);
        if (existingByOrg != null) {
            providerId = existingByOrg.id();
        }
        Provider provider = new Provider(providerId, c.string("utforare"), orgNumber, c.string("regi"), contact,
                Boolean.TRUE, null, null, null, null);
        for (Problem p : validation.provider(provider)) {
            String column = "/name".equals(p.pointer()) ? "utforare"
                    : FIELD_COLUMNS.getOrDefault(p.pointer(), "organisationsnummer");
            if (!(REQUIRED.contains(column) && c.string(column) == null)) {
                c.problems.add(problem(excelRow, column, p));
            }
        }
        if (providerId != null) {
            Provider other = providersInFile.get(providerId);
            if (other != null && (!Objects.equals(other.name(), provider.name())
                    || !Objects.equals(other.regi(), provider.regi()))) {
                c.problems.add(problem(excelRow, "utforare", RegisterProblemCodes.INVALID_VALUE,
                        "samma organisationsnummer har ett annat namn eller annan regi på en tidigare rad"));
            } else {
                providersInFile.putIfAbsent(providerId, provider);
            }
        }

        String name = c.string("enhetsnamn");
        String unitId = c.string("enhetsId");
        if (unitId == null && providerId != null && name != null) {
            String pid = providerId;
            unitId = register.units().stream()
                    .filter(u -> pid.equals(u.providerId()) && name.equalsIgnoreCase(u.name()))
                    .map(Unit::id).findFirst()
                    .orElse("u-" + orgNumber.replaceAll("[^0-9]", "") + "-" + slug(name));
        }
        Double lat = c.number("lat");
        Double lon = c.number("lon");
        if ((lat == null) != (lon == null)) {
            c.problems.add(problem(excelRow, lat == null ? "lat" : "lon", RegisterProblemCodes.REQUIRED,
                    "ange både lat och lon"));
        }
        String model = c.string("prismodell");
        Integer perDay = c.integer("prisPerDygn");
        Map<String, Integer> levels = new TreeMap<>();
        for (int i = 1; i <= 5; i++) {
            Integer v = c.integer("prisNiva" + i);
            if (v != null) {
                levels.put(String.valueOf(i), v);
            }
        }
        List<Unit.Price> prices = new ArrayList<>();
        LocalDate priceFrom = c.date("prisGiltigFran");
        if (model != null || perDay != null || !levels.isEmpty()) {
            prices.add(new Unit.Price(priceFrom, c.date("prisGiltigTill"),
                    model == null ? (levels.isEmpty() ? Unit.Price.PER_DAY : Unit.Price.LEVELS) : model, perDay,
                    levels.isEmpty() ? null : levels, null));
        }
        String agreementType = c.string("avtalstyp");
        Unit.Agreement agreement = agreementType == null && c.string("ramavtal") == null ? null
                : new Unit.Agreement(agreementType == null ? Unit.Agreement.RAMAVTAL : agreementType,
                        c.string("ramavtal"), c.date("avtalGiltigFran"), c.date("avtalGiltigTill"));
        String ivoNumber = c.string("ivoNummer");
        List<String> ivoScope = c.list("ivoOmfattning");
        Unit.IvoPermit permit = ivoNumber == null && ivoScope.isEmpty() && c.date("ivoGiltigTill") == null ? null
                : new Unit.IvoPermit(ivoNumber, ivoScope, c.date("ivoGiltigFran"), c.date("ivoGiltigTill"), null);
        Boolean active = c.bool("aktiv");
        Unit.Address address = c.string("gatuadress") == null && c.string("postnummer") == null
                && c.string("postort") == null ? null
                        : new Unit.Address(c.string("gatuadress"), c.string("postnummer"), c.string("postort"));
        Unit unit = new Unit(unitId, providerId, name, active == null ? Boolean.TRUE : active, c.string("kommun"),
                c.string("ort"), address, lat == null || lon == null ? null : new Unit.Location(lat, lon),
                c.string("inriktning"), c.list("malgrupper"), c.list("placeringsformer"), c.list("lagrum"),
                c.list("kon"), c.integer("minAlder"), c.integer("maxAlder"), c.list("behov"), c.integer("platser"),
                c.integer("lediga"), null, prices, agreement, c.string("anbudsomrade"),
                c.integer("uppsagningstidDagar"), permit, List.of(), null, null, null, null);
        String pid = providerId;
        for (Problem p : validation.unit(unit, id -> id.equals(pid) || register.provider(new ProviderId(id)).isPresent(),
                id -> register.frameworkAgreements().stream().anyMatch(a -> a.id().equals(id)))) {
            String mapped = columnOf(p.pointer());
            String column = mapped == null ? "enhetsnamn" : mapped;
            if (!(REQUIRED.contains(column) && c.string(column) == null)) {
                c.problems.add(problem(excelRow, column, p));
            }
        }
        return new ParsedRow(excelRow, provider, unitId == null ? null : unit, c.problems);
    }

    static String columnOf(String pointer) {
        String best = null;
        for (String field : FIELD_COLUMNS.keySet()) {
            if ((pointer.equals(field) || pointer.startsWith(field + "/")) && (best == null
                    || field.length() > best.length())) {
                best = field;
            }
        }
        if (best == null && pointer.startsWith("/prices/0/levels")) {
            return "prisNiva" + pointer.substring(pointer.lastIndexOf('/') + 1);
        }
        if (best == null && pointer.startsWith("/prices/0/validTo")) {
            return "prisGiltigTill";
        }
        return best == null ? null : FIELD_COLUMNS.get(best);
    }

    static String pointer(int excelRow, String column) {
        return "/rows/" + excelRow + "/" + column;
    }

    /** A record's problem at its cell; its params (the refused value…) stay for the console's text. */
    static Problem problem(int excelRow, String column, Problem p) {
        return new Problem(pointer(excelRow, column), p.code(), "Rad " + excelRow + ", kolumn " + column + ": " + p.detail(),
                p.params());
    }

    static Problem problem(int excelRow, String column, String code, String detail) {
        return new Problem(pointer(excelRow, column), code,
                "Rad " + excelRow + ", kolumn " + RegisterColumns.header(column) + ": " + detail);
    }

    static String slug(String s) {
        String n = java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return n.length() > 40 ? n.substring(0, 40) : n;
    }

    private static void set(List<Object> row, String column, Object value) {
        row.set(COLUMNS.indexOf(column), value);
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** Typed access to one row's cells, collecting a problem per unreadable cell. */
    static final class Cells {
        final int excelRow;
        final List<Object> cells;
        final Map<String, Integer> index;
        final List<Problem> problems = new ArrayList<>();

        Cells(int excelRow, List<Object> cells, Map<String, Integer> index) {
            this.excelRow = excelRow;
            this.cells = cells;
            this.index = index;
        }

        Object raw(String column) {
            Integer i = index.get(column);
            return i == null || i >= cells.size() ? null : cells.get(i);
        }

        String string(String column) {
            Object v = raw(column);
            if (v == null) {
                return null;
            }
            if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                return String.valueOf(d.longValue());
            }
            String s = String.valueOf(v).trim();
            return s.isEmpty() ? null : s;
        }

        Double number(String column) {
            Object v = raw(column);
            if (v == null || (v instanceof String s && s.isBlank())) {
                return null;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(String.valueOf(v).trim().replace(" ", "").replace('\u00a0', ' ')
                        .replace(" ", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add(problem(excelRow, column, "not-a-number", "'" + v + "' är inte ett tal"));
                return null;
            }
        }

        Integer integer(String column) {
            Double d = number(column);
            if (d == null) {
                return null;
            }
            if (d != Math.rint(d)) {
                problems.add(problem(excelRow, column, "not-an-integer", "'" + d + "' är inte ett heltal"));
                return null;
            }
            return (int) Math.round(d);
        }

        LocalDate date(String column) {
            Object v = raw(column);
            if (v == null || (v instanceof String s && s.isBlank())) {
                return null;
            }
            if (v instanceof LocalDate d) {
                return d;
            }
            try {
                return LocalDate.parse(String.valueOf(v).trim());
            } catch (DateTimeParseException e) {
                problems.add(problem(excelRow, column, "not-a-date", "'" + v + "' är inget datum (ÅÅÅÅ-MM-DD)"));
                return null;
            }
        }

        Boolean bool(String column) {
            Object v = raw(column);
            if (v == null || (v instanceof String s && s.isBlank())) {
                return null;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
            return switch (s) {
                case "ja", "true", "1", "1.0", "sant", "x" -> true;
                case "nej", "false", "0", "0.0", "falskt" -> false;
                default -> {
                    problems.add(problem(excelRow, column, "not-a-boolean", "'" + v + "' ska vara ja eller nej"));
                    yield null;
                }
            };
        }

        List<String> list(String column) {
            String s = string(column);
            if (s == null) {
                return List.of();
            }
            return Arrays.stream(s.split("[,;]")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        }
    }
}
