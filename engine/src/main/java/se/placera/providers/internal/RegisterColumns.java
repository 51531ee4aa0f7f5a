package se.placera.providers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import se.placera.documents.Spreadsheets;
import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Provider;
import se.placera.providers.Unit;

/**
 * The columns of the register workbook for people: each column's key (used in error pointers and accepted as a
 * header for files made with older templates), its Swedish header, how its cells are shown and which codes it
 * takes. Coded columns get a label column next to them in exports ("Målgrupper (benämning)"), which the import
 * ignores.
 */
final class RegisterColumns {

    /** One column: {@code codes} names a codelist or one of the fixed code sets below; null for free values. */
    record Column(String key, String header, Spreadsheets.Format format, String codes, boolean several) {
    }

    static final String REGI = "regi";
    static final String PRICE_MODEL = "prismodell";
    static final String AGREEMENT_TYPE = "avtalstyp";
    static final String FRAMEWORK = "ramavtal";
    static final String YES_NO = "ja-nej";
    static final String LABEL_SUFFIX = " (benämning)";

    /** The labels of the fixed code sets (not codelists). */
    static final Map<String, Map<String, String>> FIXED = Map.of(
            REGI, ordered(Provider.EXTERN, "Extern utförare", Provider.EGEN, "Egen regi"),
            PRICE_MODEL, ordered(Unit.Price.PER_DAY, "Pris per dygn", Unit.Price.LEVELS, "Nivåer 1–5",
                    Unit.Price.INDIVIDUAL, "Individuellt pris per placering"),
            AGREEMENT_TYPE, ordered(Unit.Agreement.RAMAVTAL, "Ramavtal", Unit.Agreement.DIREKTUPPHANDLING,
                    "Direktupphandling", Unit.Agreement.INDIVIDAVTAL, "Individavtal"),
            YES_NO, ordered("ja", "Ja", "nej", "Nej"));

    private static final Spreadsheets.Format INT = Spreadsheets.Format.INTEGER;
    private static final Spreadsheets.Format KR = Spreadsheets.Format.AMOUNT;
    private static final Spreadsheets.Format DATE = Spreadsheets.Format.DATE;

    static final List<Column> ALL = List.of(
            new Column("enhetsId", "Enhets-id", null, null, false),
            new Column("enhetsnamn", "Enhetsnamn", null, null, false),
            new Column("organisationsnummer", "Organisationsnummer", null, null, false),
            new Column("utforare", "Utförare", null, null, false),
            new Column("regi", "Regi", null, REGI, false),
            new Column("kontaktperson", "Kontaktperson", null, null, false),
            new Column("kontaktEpost", "Kontaktpersonens e-post", null, null, false),
            new Column("kontaktTelefon", "Kontaktpersonens telefon", null, null, false),
            new Column("kommun", "Kommun", null, null, false),
            new Column("ort", "Ort", null, null, false),
            new Column("gatuadress", "Gatuadress", null, null, false),
            new Column("postnummer", "Postnummer", null, null, false),
            new Column("postort", "Postort", null, null, false),
            new Column("lat", "Latitud", null, null, false),
            new Column("lon", "Longitud", null, null, false),
            new Column("inriktning", "Inriktning", null, null, false),
            new Column("malgrupper", "Målgrupper", null, Codelists.TARGET_GROUPS, true),
            new Column("placeringsformer", "Placeringsformer", null, Codelists.PLACEMENT_FORMS, true),
            new Column("lagrum", "Lagrum", null, Codelists.LEGAL_BASES, true),
            new Column("kon", "Kön", null, Codelists.GENDERS, true),
            new Column("minAlder", "Lägsta ålder", INT, null, false),
            new Column("maxAlder", "Högsta ålder", INT, null, false),
            new Column("behov", "Behov", null, Codelists.NEEDS, true),
            new Column("platser", "Platser", INT, null, false),
            new Column("lediga", "Lediga platser", INT, null, false),
            new Column("prismodell", "Prismodell", null, PRICE_MODEL, false),
            new Column("prisPerDygn", "Pris per dygn (kr)", KR, null, false),
            new Column("prisNiva1", "Pris nivå 1 (kr)", KR, null, false),
            new Column("prisNiva2", "Pris nivå 2 (kr)", KR, null, false),
            new Column("prisNiva3", "Pris nivå 3 (kr)", KR, null, false),
            new Column("prisNiva4", "Pris nivå 4 (kr)", KR, null, false),
            new Column("prisNiva5", "Pris nivå 5 (kr)", KR, null, false),
            new Column("prisGiltigFran", "Priset gäller från", DATE, null, false),
            new Column("prisGiltigTill", "Priset gäller till", DATE, null, false),
            new Column("avtalstyp", "Avtalstyp", null, AGREEMENT_TYPE, false),
            new Column("ramavtal", "Ramavtal", null, FRAMEWORK, false),
            new Column("avtalGiltigFran", "Avtalet gäller från", DATE, null, false),
            new Column("avtalGiltigTill", "Avtalet gäller till", DATE, null, false),
            new Column("anbudsomrade", "Anbudsområde", null, null, false),
            new Column("uppsagningstidDagar", "Uppsägningstid (dagar)", INT, null, false),
            new Column("ivoNummer", "IVO-tillståndets nummer", null, null, false),
            new Column("ivoOmfattning", "IVO-tillståndets omfattning", null, Codelists.PLACEMENT_FORMS, true),
            new Column("ivoGiltigFran", "IVO-tillståndet gäller från", DATE, null, false),
            new Column("ivoGiltigTill", "IVO-tillståndet gäller till", DATE, null, false),
            new Column("aktiv", "Aktiv", null, YES_NO, false));

    /** The quality fields of the export: shown, ignored on import. */
    static final List<Column> QUALITY = List.of(
            new Column("handlaggarbetyg", "Handläggarbetyg", Spreadsheets.Format.DECIMAL, null, false),
            new Column("klientbetyg", "Klientbetyg", Spreadsheets.Format.DECIMAL, null, false),
            new Column("sammanbrottsfrekvens", "Andel sammanbrott", Spreadsheets.Format.PERCENT, null, false),
            new Column("avvikelser", "Avvikelser", INT, null, false));

    private final Codelists codelists;
    private final List<FrameworkAgreement> agreements;

    RegisterColumns(Codelists codelists, List<FrameworkAgreement> agreements) {
        this.codelists = codelists;
        this.agreements = agreements;
    }

    /** The header of a key; the key itself when unknown. */
    static String header(String key) {
        return ALL.stream().filter(c -> c.key().equals(key)).map(Column::header).findFirst().orElse(key);
    }

    /** The key of a header as read from a file: the Swedish header or the key (older templates), any case. */
    static Optional<String> keyOf(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(c -> c.key().toLowerCase(Locale.ROOT).equals(h)
                || c.header().toLowerCase(Locale.ROOT).equals(h)).map(Column::key).findFirst();
    }

    /** Whether the import passes over a header: a label column or a quality field of the export. */
    static boolean ignored(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(LABEL_SUFFIX.trim()) || QUALITY.stream().anyMatch(
                c -> c.key().toLowerCase(Locale.ROOT).equals(h) || c.header().toLowerCase(Locale.ROOT).equals(h));
    }

    /** The codes of a code set with their labels, in order. */
    Map<String, String> codes(String codes) {
        if (FIXED.containsKey(codes)) {
            return FIXED.get(codes);
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (FRAMEWORK.equals(codes)) {
            agreements.forEach(a -> out.put(a.id(), a.name()));
            return out;
        }
        codelists.items(codes).ifPresent(items -> items.forEach(
                (value, item) -> out.put(value, item.path("label").asString(value))));
        return out;
    }

    /** The labels of the codes in a cell ("sol, lvu-3" → "SoL – frivillig insats; LVU 3 § – …"). */
    String labels(String codes, Object cell) {
        if (cell == null) {
            return null;
        }
        Map<String, String> known = codes(codes);
        List<String> out = new ArrayList<>();
        for (String code : String.valueOf(cell).split("[,;]")) {
            String c = code.trim();
            if (!c.isEmpty()) {
                out.add(known.getOrDefault(c, c));
            }
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** The headers in order; with labels, a label column follows each coded column. */
    static List<String> headers(List<Column> columns, boolean withLabels) {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(c.header());
            if (withLabels && c.codes() != null) {
                out.add(c.header() + LABEL_SUFFIX);
            }
        }
        return out;
    }

    /** A row of values by key turned into cells under {@link #headers}. */
    List<Object> cells(List<Column> columns, Map<String, Object> values, boolean withLabels) {
        List<Object> out = new ArrayList<>();
        for (Column c : columns) {
            Object v = values.get(c.key());
            out.add(v);
            if (withLabels && c.codes() != null) {
                out.add(labels(c.codes(), v));
            }
        }
        return out;
    }

    static Map<String, Spreadsheets.Format> formats(List<Column> columns) {
        Map<String, Spreadsheets.Format> out = new LinkedHashMap<>();
        columns.stream().filter(c -> c.format() != null).forEach(c -> out.put(c.header(), c.format()));
        return out;
    }

    /** Dropdowns on the coded columns, from the codelists and the fixed code sets. */
    Map<String, Spreadsheets.Choices> choices() {
        Map<String, Spreadsheets.Choices> out = new LinkedHashMap<>();
        for (Column c : ALL) {
            if (c.codes() == null) {
                continue;
            }
            List<String> values = List.copyOf(codes(c.codes()).keySet());
            if (!values.isEmpty()) {
                out.put(c.header(), new Spreadsheets.Choices(values, !c.several(), c.several()
                        ? "Välj en kod i listan. Flera koder skiljs med komma; koderna förklaras på fliken Koder."
                        : "Välj en kod i listan; koderna förklaras på fliken Koder."));
            }
        }
        return out;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], Objects.requireNonNull(pairs[i + 1]));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
