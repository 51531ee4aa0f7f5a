package se.placera.reports;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The attacker of GD-2: reads only what a report's answer publishes (every part's cells, row totals, column totals
 * and grand total of the count), sets up every additivity equation between them — across all parts, a cell shared by
 * two parts being one unknown — and tries to work out each suppressed count: exactly, by linear algebra (is the
 * cell's unit vector in the row space of the equations over the unknowns? exact rational elimination), and by
 * non-negativity (the hidden parts of an equation with a shown total add up to a known sum; a sum of 0 gives each
 * away, a sum below the threshold bounds each below it).
 */
final class SuppressionAttack {

    /** What the attack found: cells derived and how. */
    record Finding(String cell, String how) {
    }

    private final Map<String, Long> known = new HashMap<>();
    private final Map<String, Integer> unknown = new HashMap<>();
    private final List<List<String>> equations = new ArrayList<>(); // first = total, rest = parts

    void read(JsonNode report) {
        for (JsonNode part : report.path("parts")) {
            String countMeasure = null;
            for (JsonNode m : part.path("measures")) {
                if (m.path("type").asString().equals("count")) {
                    countMeasure = m.path("id").asString();
                }
            }
            if (countMeasure == null) {
                continue;
            }
            List<String> dims = new ArrayList<>();
            part.path("rowDimensions").forEach(h -> dims.add(h.path("key").asString()));
            boolean twoWay = !part.path("columnDimension").isNull() && part.has("columnDimension")
                    && !part.path("columnDimension").isMissingNode();
            String colDim = twoWay ? part.path("columnDimension").path("key").asString() : null;
            String grand = key(Map.of());
            value(grand, part.path("total"), countMeasure);
            List<String> rowTotals = new ArrayList<>();
            Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
            for (JsonNode row : part.path("rows")) {
                Map<String, String> rowKey = new TreeMap<>();
                for (int i = 0; i < dims.size(); i++) {
                    rowKey.put(dims.get(i), value(row.path("values").get(i)));
                }
                String rk = key(rowKey);
                value(rk, row.path("total"), countMeasure);
                rowTotals.add(rk);
                if (twoWay) {
                    List<String> cells = new ArrayList<>();
                    int c = 0;
                    for (JsonNode col : part.path("columns")) {
                        Map<String, String> ck = new TreeMap<>(rowKey);
                        ck.put(colDim, value(col.path("value")));
                        String k = key(ck);
                        value(k, row.path("cells").get(c), countMeasure);
                        cells.add(k);
                        columns.computeIfAbsent(value(col.path("value")) + "", x -> new ArrayList<>()).add(k);
                        c++;
                    }
                    List<String> eq = new ArrayList<>();
                    eq.add(rk);
                    eq.addAll(cells);
                    equations.add(eq);
                }
            }
            if (!part.path("rows").isEmpty()) {
                List<String> eq = new ArrayList<>();
                eq.add(grand);
                eq.addAll(rowTotals);
                equations.add(eq);
            }
            if (twoWay) {
                List<String> colTotals = new ArrayList<>();
                int c = 0;
                for (JsonNode col : part.path("columns")) {
                    String ck = key(Map.of(colDim, value(col.path("value"))));
                    value(ck, part.path("columnTotals").get(c), countMeasure);
                    colTotals.add(ck);
                    List<String> eq = new ArrayList<>();
                    eq.add(ck);
                    eq.addAll(columns.get(value(col.path("value")) + ""));
                    equations.add(eq);
                    c++;
                }
                List<String> eq = new ArrayList<>();
                eq.add(grand);
                eq.addAll(colTotals);
                equations.add(eq);
            }
        }
        known.keySet().forEach(unknown::remove);
    }

    private static String value(JsonNode v) {
        return v == null || v.isNull() ? "\u0000" : v.asString();
    }

    private static String key(Map<String, String> m) {
        return new TreeMap<>(m).toString();
    }

    private void value(String key, JsonNode cell, String measure) {
        JsonNode v = cell.path("values").path(measure);
        if (v.isNumber()) {
            known.put(key, v.asLong());
            unknown.remove(key);
        } else if (!known.containsKey(key)) {
            unknown.putIfAbsent(key, unknown.size());
        }
    }

    int hiddenCells() {
        return unknown.size();
    }

    Map<String, Long> shown() {
        return known;
    }

    List<Finding> attack(long threshold) {
        List<String> names = new ArrayList<>(unknown.keySet());
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            col.put(names.get(i), i);
        }
        int u = names.size();
        List<Finding> found = new ArrayList<>();
        // Non-negativity: the hidden parts of an equation with a shown total add up to what is left.
        for (List<String> eq : equations) {
            if (!known.containsKey(eq.get(0))) {
                continue;
            }
            long left = known.get(eq.get(0));
            int hidden = 0;
            for (String p : eq.subList(1, eq.size())) {
                if (known.containsKey(p)) {
                    left -= known.get(p);
                } else {
                    hidden++;
                }
            }
            if (hidden > 0 && left < threshold) {
                found.add(new Finding(eq.subList(1, eq.size()).stream().filter(p -> !known.containsKey(p)).toList()
                        .toString(), "hidden parts of " + eq.get(0) + " add up to " + left));
            }
        }
        // Exact: reduce the equations over the unknowns to echelon form (rationals as BigInteger rows).
        List<BigInteger[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (List<String> eq : equations) {
            BigInteger[] row = new BigInteger[u];
            java.util.Arrays.fill(row, BigInteger.ZERO);
            boolean any = false;
            for (int k = 0; k < eq.size(); k++) {
                Integer c = col.get(eq.get(k));
                if (c != null) {
                    row[c] = row[c].add(BigInteger.valueOf(k == 0 ? 1 : -1));
                    any = true;
                }
            }
            if (any) {
                insert(basis, pivots, row);
            }
        }
        for (int i = 0; i < u; i++) {
            BigInteger[] e = new BigInteger[u];
            java.util.Arrays.fill(e, BigInteger.ZERO);
            e[i] = BigInteger.ONE;
            if (reduce(basis, pivots, e) == null) {
                found.add(new Finding(names.get(i), "in the row space of the published equations"));
            }
        }
        return found;
    }

    /** Adds a row to an echelon basis unless it depends on it. */
    private static void insert(List<BigInteger[]> basis, List<Integer> pivots, BigInteger[] row) {
        BigInteger[] r = reduce(basis, pivots, row);
        if (r == null) {
            return;
        }
        int p = 0;
        while (r[p].signum() == 0) {
            p++;
        }
        basis.add(r);
        pivots.add(p);
    }

    /** The row minus its components along the basis; null if nothing is left (it is in the span). */
    private static BigInteger[] reduce(List<BigInteger[]> basis, List<Integer> pivots, BigInteger[] row) {
        BigInteger[] r = row.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < basis.size(); b++) {
                int p = pivots.get(b);
                if (r[p].signum() != 0) {
                    BigInteger[] br = basis.get(b);
                    BigInteger a = br[p];
                    BigInteger c = r[p];
                    for (int k = 0; k < r.length; k++) {
                        r[k] = r[k].multiply(a).subtract(br[k].multiply(c));
                    }
                    changed = true;
                }
            }
        }
        for (BigInteger x : r) {
            if (x.signum() != 0) {
                return r;
            }
        }
        return null;
    }
}
