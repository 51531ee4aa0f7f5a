package se.placera.reports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import se.placera.reports.ReportResult;
import se.placera.reports.ReportResult.Cell;
import se.placera.reports.ReportResult.Column;
import se.placera.reports.ReportResult.Heading;
import se.placera.reports.ReportResult.MeasureHeading;
import se.placera.reports.ReportResult.Row;
import se.placera.reports.internal.ReportDefinition.Dimension;
import se.placera.reports.internal.ReportDefinition.Measure;
import se.placera.reports.internal.ReportDefinition.Part;
import se.placera.shared.SwedishTime;

/**
 * Runs a report definition over the projection: the report's responses are read once (one query, matched and
 * projected in the database); counts, distinct persons and histograms per part and measured question are grouped
 * in memory from them, margins, means, medians and shares rolled up from those groups, then everything is
 * suppressed jointly (GD-2).
 */
@Component
class ReportRunner {

    static final String MISSING = "Uppgift saknas";

    private final MongoTemplate mongo;
    private final ReportLabels labels;
    private final Clock clock;

    ReportRunner(MongoTemplate mongo, ReportLabels labels, Clock clock) {
        this.mongo = mongo;
        this.labels = labels;
        this.clock = clock;
    }

    /** What a run is scoped to: administrations, and submission dates from–to (inclusive, null = open). */
    record Scope(java.util.Set<String> administrations, LocalDate from, LocalDate to, int threshold,
            boolean suppress) {
    }

    /** Counts of one group: responses and distinct persons. */
    record Counts(long responses, long persons) {
    }

    /** A laid-out table before suppression. */
    private static final class Table {
        Part part;
        List<String> dims = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>(); // empty: one-dimensional or key figure
        Map<String, Integer> cellIndex = new HashMap<>();
        Map<String, String> labels; // memo of the run's labels (the register and metadata are asked once per value)
    }

    private String label(Table t, String dim, String value) {
        return t.labels.computeIfAbsent(dim + "\u0000" + value, k -> labels.label(dim, value));
    }

    ReportResult run(ReportDefinition def, Scope scope) {
        Facts match = load(def, match(def, scope));
        Map<String, Map<List<String>, Counts>> countCache = new HashMap<>();
        Map<String, Map<List<String>, Map<String, Long>>> histogramCache = new HashMap<>();
        Suppression.Model counts = new Suppression.Model(scope.threshold());
        List<Table> tables = new ArrayList<>();
        Map<String, String> labelMemo = new HashMap<>();
        for (Part part : def.parts()) {
            Table t = new Table();
            t.part = part;
            t.labels = labelMemo;
            part.dimensions().forEach(d -> t.dims.add(d.key()));
            Map<List<String>, Counts> cells = counts(match, t.dims, countCache);
            layout(t, cells.keySet());
            addCells(t, counts, key -> personsOf(match, t.dims, key, countCache, cells, scope.threshold()),
                    key -> responsesOf(t.dims, key, cells), scope.threshold());
            tables.add(t);
        }
        BitSet hiddenCounts = scope.suppress() ? Suppression.suppress(counts, null) : new BitSet();
        // Each measured question: its answers' counts suppressed on their own, and wherever the count is hidden.
        Map<String, Suppression.Model> measureModels = new LinkedHashMap<>();
        Map<String, BitSet> measureHidden = new HashMap<>();
        for (Table t : tables) {
            for (Measure m : t.part.measures()) {
                if (m.question() == null) {
                    continue;
                }
                String field = field(m);
                Map<List<String>, Map<String, Long>> h = histogram(match, t.dims, field, histogramCache);
                Suppression.Model model = measureModels.computeIfAbsent(field, f -> new Suppression.Model(scope.threshold()));
                addCells(t, model, key -> answered(t.dims, key, h), key -> answered(t.dims, key, h),
                        scope.threshold());
            }
        }
        for (var e : measureModels.entrySet()) {
            BitSet forced = new BitSet();
            Suppression.Model model = e.getValue();
            for (var key : keysOf(model)) {
                Integer c = counts.indexOf(key);
                if (c != null && hiddenCounts.get(c)) {
                    forced.set(model.indexOf(key));
                }
            }
            measureHidden.put(e.getKey(), scope.suppress() ? Suppression.suppress(model, forced) : new BitSet());
        }
        List<ReportResult.Part> parts = new ArrayList<>();
        for (Table t : tables) {
            parts.add(publish(t, match, counts, hiddenCounts, measureModels, measureHidden, countCache,
                    histogramCache));
        }
        return new ReportResult(def.id(), def.version(), def.title(), def.description(), SwedishTime.today(clock),
                filterLines(def, scope), scope.threshold(), parts);
    }

    // ---- database ----

    private Document match(ReportDefinition def, Scope scope) {
        Document m = new Document("adm", new Document("$in", new ArrayList<>(scope.administrations())));
        if (!def.dataSet().methods().isEmpty()) {
            m.append("method", new Document("$in", def.dataSet().methods()));
        }
        if (!def.dataSet().areas().isEmpty()) {
            m.append("area", new Document("$in", def.dataSet().areas()));
        }
        if (!def.dataSet().purposes().isEmpty()) {
            m.append("purpose", new Document("$in", def.dataSet().purposes()));
        }
        for (var f : def.filters()) {
            m.append(path(f.on()), new Document("$in", f.in()));
        }
        Document at = new Document();
        if (scope.from() != null) {
            at.append("$gte", java.util.Date.from(SwedishTime.startOf(scope.from())));
        }
        if (scope.to() != null) {
            at.append("$lt", java.util.Date.from(SwedishTime.startOf(scope.to().plusDays(1))));
        }
        if (!at.isEmpty()) {
            m.append("at", at);
        }
        return m;
    }

    private static String path(Dimension d) {
        return d.fact() != null ? "f." + d.fact() : "a." + d.question();
    }

    private static String path(String dimKey) {
        return dimKey.startsWith("f.") ? dimKey : "a." + dimKey.substring(2);
    }

    private static String field(Measure m) {
        return switch (m.type()) {
            case "share" -> "a." + m.question();
            default -> "n." + m.question();
        };
    }

    /**
     * Reads the report's responses once: one query with the report's match, projected to the person and the fields
     * its parts group on or measure. Every count, person count and histogram below is computed from this list in
     * memory (the embedded database scans and groups every document per pipeline, so one read per report instead
     * of one pipeline per part and measured question).
     */
    private Facts load(ReportDefinition def, Document match) {
        Document projection = new Document("_id", 0).append("person", 1);
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (Part part : def.parts()) {
            part.dimensions().forEach(d -> fields.add(path(d.key())));
            for (Measure m : part.measures()) {
                if (m.question() != null) {
                    fields.add(field(m));
                }
            }
        }
        fields.forEach(f -> projection.append(f, 1));
        List<String> paths = new ArrayList<>(fields);
        List<Object> persons = new ArrayList<>();
        List<Object[]> raw = new ArrayList<>();
        for (Document d : mongo.getCollection(ReportFacts.COLLECTION).find(match).projection(projection)
                .batchSize(10_000)) {
            persons.add(d.get("person"));
            Object[] values = new Object[paths.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = at(d, paths.get(i));
            }
            raw.add(values);
        }
        return new Facts(paths, persons, raw);
    }

    /**
     * The report's responses as read: per response its person and the value at each projected path ({@link #ABSENT}
     * when missing), with the values' grouping keys (their string form, null when missing) computed once.
     */
    private static final class Facts {
        final Map<String, Integer> index = new HashMap<>();
        final List<Object> persons;
        final List<Object[]> raw;
        final List<String[]> keys = new ArrayList<>();

        Facts(List<String> paths, List<Object> persons, List<Object[]> raw) {
            for (int i = 0; i < paths.size(); i++) {
                index.put(paths.get(i), i);
            }
            this.persons = persons;
            this.raw = raw;
            Map<String, String> interned = new HashMap<>();
            for (Object[] values : raw) {
                String[] k = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    k[i] = v == null || v == ABSENT ? null : interned.computeIfAbsent(String.valueOf(v), x -> x);
                }
                keys.add(k);
            }
        }

        int size() {
            return persons.size();
        }

        int[] columns(List<String> dims) {
            return dims.stream().mapToInt(d -> index.get(path(d))).toArray();
        }

        List<String> key(int row, int[] columns) {
            String[] k = keys.get(row);
            String[] out = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                out[i] = k[columns[i]];
            }
            return java.util.Arrays.asList(out);
        }
    }

    private static final Object ABSENT = new Object();

    /** The value at a dotted path ("f.gender"), {@link #ABSENT} when a part of the path is missing. */
    private static Object at(Document d, String path) {
        Object v = d;
        int from = 0;
        while (from <= path.length()) {
            int dot = path.indexOf('.', from);
            String part = dot < 0 ? path.substring(from) : path.substring(from, dot);
            if (!(v instanceof Document doc) || !doc.containsKey(part)) {
                return ABSENT;
            }
            v = doc.get(part);
            from = dot < 0 ? path.length() + 1 : dot + 1;
        }
        return v;
    }

    /** Responses and distinct persons per combination of the dimensions, from the report's responses. */
    private Map<List<String>, Counts> counts(Facts facts, List<String> dims,
            Map<String, Map<List<String>, Counts>> cache) {
        return cache.computeIfAbsent(String.join("|", dims), k -> {
            int[] columns = facts.columns(dims);
            Map<List<String>, long[]> responses = new HashMap<>();
            Map<List<String>, java.util.Set<Object>> persons = new HashMap<>();
            for (int row = 0; row < facts.size(); row++) {
                List<String> key = facts.key(row, columns);
                responses.computeIfAbsent(key, x -> new long[1])[0]++;
                persons.computeIfAbsent(key, x -> new java.util.HashSet<>()).add(facts.persons.get(row));
            }
            Map<List<String>, Counts> out = new HashMap<>();
            responses.forEach((key, r) -> out.put(key, new Counts(r[0], persons.get(key).size())));
            return out;
        });
    }

    /** Counts of each value of a field per combination of the dimensions (a multiple-choice answer per value). */
    private Map<List<String>, Map<String, Long>> histogram(Facts facts, List<String> dims, String field,
            Map<String, Map<List<String>, Map<String, Long>>> cache) {
        return cache.computeIfAbsent(String.join("|", dims) + "#" + field, k -> {
            int[] columns = facts.columns(dims);
            int at = facts.index.get(field);
            Map<List<String>, Map<String, Long>> out = new HashMap<>();
            for (int row = 0; row < facts.size(); row++) {
                Object v = facts.raw.get(row)[at];
                if (v == ABSENT) {
                    continue; // only responses where the field exists
                }
                // A multiple-choice answer (a list) counts once per chosen value, under "\u0000" once per answer.
                Map<String, Long> values = out.computeIfAbsent(facts.key(row, columns), x -> new TreeMap<>());
                values.merge("\u0000", 1L, Long::sum);
                if (v instanceof List<?> list) {
                    list.stream().map(String::valueOf).distinct().forEach(x -> values.merge(x, 1L, Long::sum));
                } else if (v != null) {
                    values.merge(v instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(v), 1L,
                            Long::sum);
                }
            }
            return out;
        });
    }

    // ---- layout and suppression model ----

    private void layout(Table t, java.util.Collection<List<String>> keys) {
        int k = t.dims.size();
        if (k == 0) {
            return;
        }
        int rowDims = k == 1 ? 1 : k - 1;
        java.util.Set<List<String>> rows = new java.util.HashSet<>();
        java.util.Set<String> columns = new java.util.HashSet<>();
        for (List<String> key : keys) {
            rows.add(new ArrayList<>(key.subList(0, rowDims)));
            if (k > 1) {
                columns.add(key.get(k - 1));
            }
        }
        Comparator<List<String>> byLabels = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = compare(t, t.dims.get(i), a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        t.rows = new ArrayList<>(rows);
        t.rows.sort(byLabels);
        t.columns = new ArrayList<>(columns);
        if (k > 1) {
            t.columns.sort((a, b) -> compare(t, t.dims.get(k - 1), a, b));
        }
    }

    private int compare(Table t, String dim, String a, String b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        if (a == null) {
            return 1;
        }
        if (b == null) {
            return -1;
        }
        if (ReportLabels.ordered(dim)) {
            return a.compareTo(b);
        }
        return se.placera.shared.SwedishOrder.NAMES.compare(label(t, dim, a), label(t, dim, b));
    }

    /** Canonical key of a cell: its dimensions and values, sorted, so tables sharing a cell share the key. */
    static String cellKey(List<String> dims, List<String> values) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < dims.size(); i++) {
            m.put(dims.get(i), values.get(i) == null ? "\u0000" : values.get(i));
        }
        return m.toString();
    }

    private interface Sizes {
        long of(List<String> keyWithNullsForMargins);
    }

    /** Adds a table's cells, row and column totals and grand total with their equations to a model. */
    private void addCells(Table t, Suppression.Model model, Sizes persons, Sizes values, int threshold) {
        int k = t.dims.size();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            all.add(null);
        }
        int grand = add(t, model, List.of(), all, persons, values, threshold, true);
        if (k == 0) {
            return;
        }
        List<Integer> rowTotals = new ArrayList<>();
        for (List<String> row : t.rows) {
            int rowTotal = add(t, model, t.dims.subList(0, row.size()), row, persons, values, threshold, k > 1);
            rowTotals.add(rowTotal);
            if (k > 1) {
                List<Integer> cells = new ArrayList<>();
                for (String col : t.columns) {
                    List<String> c = new ArrayList<>(row);
                    c.add(col);
                    cells.add(add(t, model, t.dims, c, persons, values, threshold, false));
                }
                model.equation(rowTotal, cells);
            }
        }
        model.equation(grand, rowTotals);
        if (k > 1) {
            List<Integer> colTotals = new ArrayList<>();
            for (String col : t.columns) {
                int colTotal = add(t, model, List.of(t.dims.get(k - 1)), java.util.Collections.singletonList(col), persons, values, threshold,
                        true);
                colTotals.add(colTotal);
                List<Integer> cells = new ArrayList<>();
                for (List<String> row : t.rows) {
                    List<String> c = new ArrayList<>(row);
                    c.add(col);
                    cells.add(model.indexOf(cellKey(t.dims, c)));
                }
                model.equation(colTotal, cells);
            }
            model.equation(grand, colTotals);
        }
    }

    /** {@code full}: the key over all dimensions with null for a margin's summed-over dimension. */
    private int add(Table t, Suppression.Model model, List<String> dims, List<String> values, Sizes persons,
            Sizes sizes, int threshold, boolean total) {
        List<String> full = new ArrayList<>();
        for (int i = 0; i < t.dims.size(); i++) {
            full.add(null);
        }
        List<String> own = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            int at = t.dims.indexOf(dims.get(i));
            full.set(at, values.get(i));
            own.add(values.get(i));
        }
        // A margin is marked with MARGIN in the positions it sums over.
        List<String> probe = new ArrayList<>(full);
        for (int i = 0; i < t.dims.size(); i++) {
            if (!dims.contains(t.dims.get(i))) {
                probe.set(i, MARGIN);
            }
        }
        long p = persons.of(probe);
        long v = sizes.of(probe);
        String key = cellKey(dims, own);
        int index = model.cell(key, v, total, p < threshold);
        t.cellIndex.put(key, index);
        return index;
    }

    static final String MARGIN = "\u0001margin";

    private static boolean matches(List<String> probe, List<String> key) {
        for (int i = 0; i < probe.size(); i++) {
            if (!MARGIN.equals(probe.get(i)) && !Objects.equals(probe.get(i), key.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static long responsesOf(List<String> dims, List<String> probe, Map<List<String>, Counts> cells) {
        long sum = 0;
        for (var e : cells.entrySet()) {
            if (matches(probe, e.getKey())) {
                sum += e.getValue().responses();
            }
        }
        return sum;
    }

    /**
     * Persons of a cell or margin. Persons do not add up (one person may answer twice), so a margin whose largest
     * cell is below the threshold is counted exactly by an aggregation over the margin's own dimensions.
     */
    private long personsOf(Facts match, List<String> dims, List<String> probe,
            Map<String, Map<List<String>, Counts>> cache, Map<List<String>, Counts> cells, int threshold) {
        if (!probe.contains(MARGIN)) {
            Counts c = cells.get(probe);
            return c == null ? 0 : c.persons();
        }
        long largest = 0;
        for (var e : cells.entrySet()) {
            if (matches(probe, e.getKey())) {
                largest = Math.max(largest, e.getValue().persons());
            }
        }
        if (largest >= threshold) {
            return largest;
        }
        List<String> sub = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            if (!MARGIN.equals(probe.get(i))) {
                sub.add(dims.get(i));
                values.add(probe.get(i));
            }
        }
        Counts c = counts(match, sub, cache).get(values);
        return c == null ? 0 : c.persons();
    }

    private static long answered(List<String> dims, List<String> probe, Map<List<String>, Map<String, Long>> h) {
        long sum = 0;
        for (var e : h.entrySet()) {
            if (matches(probe, e.getKey())) {
                sum += e.getValue().getOrDefault("\u0000", 0L);
            }
        }
        return sum;
    }

    private static List<String> keysOf(Suppression.Model model) {
        return model.keys();
    }

    // ---- publishing ----

    private ReportResult.Part publish(Table t, Facts match, Suppression.Model counts, BitSet hiddenCounts,
            Map<String, Suppression.Model> models, Map<String, BitSet> hidden,
            Map<String, Map<List<String>, Counts>> countCache,
            Map<String, Map<List<String>, Map<String, Long>>> histogramCache) {
        Part part = t.part;
        int k = t.dims.size();
        Map<List<String>, Counts> cells = counts(match, t.dims, countCache);
        List<Heading> rowHeadings = new ArrayList<>();
        int rowDims = k == 1 ? 1 : Math.max(0, k - 1);
        for (int i = 0; i < rowDims; i++) {
            rowHeadings.add(heading(part.dimensions().get(i)));
        }
        Heading columnHeading = k > 1 ? heading(part.dimensions().get(k - 1)) : null;
        List<MeasureHeading> measures = part.measures().stream()
                .map(m -> new MeasureHeading(m.id(), m.type(), m.title() != null ? m.title() : labels.measureTitle(m)))
                .toList();
        java.util.function.BiFunction<List<String>, List<String>, Cell> cell = (dims, values) -> {
            List<String> probe = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int at = dims.indexOf(t.dims.get(i));
                probe.add(at < 0 ? MARGIN : values.get(at));
            }
            String key = cellKey(dims, values);
            Map<String, Number> out = new LinkedHashMap<>();
            List<String> suppressed = new ArrayList<>();
            for (Measure m : part.measures()) {
                boolean hide = hiddenCounts.get(counts.indexOf(key));
                Number value;
                if (m.question() == null) {
                    value = responsesOf(t.dims, probe, cells);
                } else {
                    String field = field(m);
                    hide |= hidden.get(field).get(models.get(field).indexOf(key));
                    value = measure(m, merged(probe, histogram(match, t.dims, field, histogramCache)));
                }
                if (hide) {
                    suppressed.add(m.id());
                    out.put(m.id(), null);
                } else {
                    out.put(m.id(), value);
                }
            }
            return new Cell(out, suppressed);
        };
        List<Column> columns = new ArrayList<>();
        for (String c : t.columns) {
            columns.add(new Column(c, c == null ? MISSING : label(t, t.dims.get(k - 1), c)));
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> row : t.rows) {
            List<String> rowLabels = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                rowLabels.add(row.get(i) == null ? MISSING : label(t, t.dims.get(i), row.get(i)));
            }
            List<Cell> rowCells = new ArrayList<>();
            if (k > 1) {
                for (String c : t.columns) {
                    List<String> v = new ArrayList<>(row);
                    v.add(c);
                    rowCells.add(cell.apply(t.dims, v));
                }
            }
            rows.add(new Row(row, rowLabels, rowCells, cell.apply(t.dims.subList(0, row.size()), row)));
        }
        List<Cell> columnTotals = new ArrayList<>();
        if (k > 1) {
            for (String c : t.columns) {
                List<String> v = new ArrayList<>();
                v.add(c);
                columnTotals.add(cell.apply(List.of(t.dims.get(k - 1)), v));
            }
        }
        return new ReportResult.Part(part.id(), part.title(), part.description(), part.presentation(), rowHeadings,
                columnHeading, measures, columns, rows, columnTotals, cell.apply(List.of(), List.of()));
    }

    private static Map<String, Long> merged(List<String> probe, Map<List<String>, Map<String, Long>> h) {
        Map<String, Long> out = new HashMap<>();
        for (var e : h.entrySet()) {
            if (matches(probe, e.getKey())) {
                e.getValue().forEach((v, c) -> out.merge(v, c, Long::sum));
            }
        }
        return out;
    }

    /** A measure from a histogram of values ("\u0000" = number of answers). Null when nobody answered. */
    static Number measure(Measure m, Map<String, Long> h) {
        long n = h.getOrDefault("\u0000", 0L);
        if (n == 0) {
            return null;
        }
        return switch (m.type()) {
            case "share" -> round(h.getOrDefault(m.value(), 0L) / (double) n, 4);
            case "mean" -> {
                double sum = 0;
                for (var e : h.entrySet()) {
                    if (!e.getKey().equals("\u0000")) {
                        sum += Double.parseDouble(e.getKey()) * e.getValue();
                    }
                }
                yield round(sum / n, 2);
            }
            case "median" -> {
                TreeMap<Double, Long> sorted = new TreeMap<>();
                h.forEach((v, c) -> {
                    if (!v.equals("\u0000")) {
                        sorted.merge(Double.parseDouble(v), c, Long::sum);
                    }
                });
                long seen = 0;
                Double lower = null;
                for (var e : sorted.entrySet()) {
                    seen += e.getValue();
                    if (lower == null && seen * 2 >= n) {
                        lower = e.getKey();
                        if (n % 2 == 1 || seen * 2 > n) {
                            yield round(lower, 2);
                        }
                    } else if (lower != null) {
                        yield round((lower + e.getKey()) / 2, 2);
                    }
                }
                yield lower == null ? null : round(lower, 2);
            }
            case "shareAtLeast" -> {
                long at = 0;
                for (var e : h.entrySet()) {
                    if (!e.getKey().equals("\u0000") && Double.parseDouble(e.getKey()) >= m.level()) {
                        at += e.getValue();
                    }
                }
                yield round(at / (double) n, 4);
            }
            default -> n;
        };
    }

    private static double round(double v, int decimals) {
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private Heading heading(Dimension d) {
        return new Heading(d.key(), d.title() != null ? d.title() : labels.dimensionTitle(d));
    }

    private List<String> filterLines(ReportDefinition def, Scope scope) {
        List<String> lines = new ArrayList<>();
        if (!def.dataSet().methods().isEmpty()) {
            lines.add("Metoder: " + String.join(", ", def.dataSet().methods().stream()
                    .map(m -> labels.label("f.method", m)).toList()));
        }
        if (!def.dataSet().areas().isEmpty()) {
            lines.add("Områden: " + String.join(", ", def.dataSet().areas().stream()
                    .map(a -> labels.label("f.intervention", a)).toList()));
        }
        for (var f : def.filters()) {
            lines.add(labels.dimensionTitle(f.on()) + ": " + String.join(", ", f.in().stream()
                    .map(v -> labels.label(f.on().key(), v)).toList()));
        }
        lines.add("Inskickade: " + (scope.from() == null ? "från början" : "från " + scope.from()) + " "
                + (scope.to() == null ? "till idag" : "till " + scope.to()));
        lines.add("Värden som bygger på färre än " + scope.threshold() + " personer, och värden som de skulle kunna "
                + "räknas fram ur, visas inte (..).");
        return lines;
    }
}
