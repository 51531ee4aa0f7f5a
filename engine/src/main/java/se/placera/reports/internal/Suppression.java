package se.placera.reports.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression (GD-2) over a set of additive cells and the equations that tie them together
 * ({@code total = sum of parts}: a row's cells and its row total, a column's and its column total, the totals and the
 * grand total, across every table of a report that shares a cell). Primary suppression hides every cell whose
 * count of persons is below the threshold (zero included); secondary suppression then hides further cells until no
 * hidden cell can be worked out from what is shown: first a quick pass so that no equation has exactly one hidden
 * member, then an exact check — a hidden cell is derivable exactly when its unit vector lies in the row space of the
 * equations restricted to the hidden cells — repeated, hiding the smallest shown cell of an equation of each
 * derivable cell, until nothing is derivable. The check is exact (integer elimination); if the numbers ever
 * overflow, every cell is hidden (fail closed).
 */
final class Suppression {

    /** One cell: its published count and whether it must be hidden on its own (primary). */
    static final class Model {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final List<Long> values = new ArrayList<>();
        private final List<Boolean> totals = new ArrayList<>();
        private final BitSet primary = new BitSet();
        private final List<int[]> equations = new ArrayList<>();
        private final long threshold;

        /** {@code threshold}: the hidden members of an equation must together be at least this much. */
        Model(long threshold) {
            this.threshold = threshold;
        }

        /** Adds a cell (or finds it by key: a cell shared by several tables is one cell). */
        int cell(String key, long value, boolean total, boolean hideOnItsOwn) {
            Integer i = index.get(key);
            if (i == null) {
                i = values.size();
                index.put(key, i);
                values.add(value);
                totals.add(total);
            } else if (values.get(i) != value) {
                throw new IllegalStateException("Cell " + key + " has two values: " + values.get(i) + " and " + value);
            }
            if (hideOnItsOwn) {
                primary.set(i);
            }
            return i;
        }

        /** {@code total = parts[0] + parts[1] + …}. */
        void equation(int total, List<Integer> parts) {
            int[] e = new int[parts.size() + 1];
            e[0] = total;
            for (int k = 0; k < parts.size(); k++) {
                e[k + 1] = parts.get(k);
            }
            equations.add(e);
        }

        int size() {
            return values.size();
        }

        List<String> keys() {
            return List.copyOf(index.keySet());
        }

        Integer indexOf(String key) {
            return index.get(key);
        }
    }

    private Suppression() {
    }

    /** The hidden cells: primary, the {@code forced} ones, and secondary ones. */
    static BitSet suppress(Model m, BitSet forced) {
        BitSet hidden = (BitSet) m.primary.clone();
        if (forced != null) {
            hidden.or(forced);
        }
        if (hidden.isEmpty()) {
            return hidden;
        }
        quickPass(m, hidden);
        try {
            for (int round = 0; round <= m.size(); round++) {
                BitSet derivable = derivable(m, hidden);
                if (derivable.isEmpty()) {
                    return hidden;
                }
                for (int i = derivable.nextSetBit(0); i >= 0; i = derivable.nextSetBit(i + 1)) {
                    int extra = smallestShownPartner(m, hidden, i);
                    if (extra >= 0) {
                        hidden.set(extra);
                        break; // one at a time: one extra cell often protects several
                    }
                }
                quickPass(m, hidden);
            }
        } catch (ArithmeticException overflow) {
            // fall through: fail closed
        }
        BitSet all = new BitSet();
        all.set(0, m.size());
        return all;
    }

    /**
     * Until no equation has exactly one hidden member, and none whose hidden members add up to less than the
     * threshold (from the shown total and parts a reader knows their sum, so a sum of 0 would give away that each
     * is 0, and a small sum bounds each tightly): hide its smallest shown member, an inner cell first.
     */
    private static void quickPass(Model m, BitSet hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] e : m.equations) {
                int count = 0;
                long hiddenParts = 0;
                for (int k = 0; k < e.length; k++) {
                    if (hidden.get(e[k])) {
                        count++;
                        if (k > 0) {
                            hiddenParts += m.values.get(e[k]);
                        }
                    }
                }
                boolean totalShown = !hidden.get(e[0]);
                if (count == 1 || (count > 0 && totalShown && hiddenParts < m.threshold)) {
                    int best = -1;
                    for (int c : e) {
                        if (!hidden.get(c) && better(m, c, best)) {
                            best = c;
                        }
                    }
                    if (best >= 0) {
                        hidden.set(best);
                        changed = true;
                    }
                }
            }
        }
    }

    /** Prefers inner cells to totals, then the smaller value (less information lost). */
    private static boolean better(Model m, int c, int best) {
        if (best < 0) {
            return true;
        }
        boolean ct = m.totals.get(c);
        boolean bt = m.totals.get(best);
        if (ct != bt) {
            return !ct;
        }
        return m.values.get(c) < m.values.get(best);
    }

    private static int smallestShownPartner(Model m, BitSet hidden, int cell) {
        int best = -1;
        for (int[] e : m.equations) {
            boolean has = false;
            for (int c : e) {
                has |= c == cell;
            }
            if (!has) {
                continue;
            }
            for (int c : e) {
                if (!hidden.get(c) && better(m, c, best)) {
                    best = c;
                }
            }
        }
        if (best < 0) {
            // Every equation of the cell is hidden already, yet it is derivable: hide any shown cell tied to it.
            for (int i = 0; i < m.size(); i++) {
                if (!hidden.get(i) && better(m, i, best)) {
                    best = i;
                }
            }
        }
        return best;
    }

    /**
     * The hidden cells whose value follows from the shown ones: reduces the equations, restricted to the hidden
     * cells, to reduced row echelon form; a hidden cell is derivable exactly when some reduced row is its unit vector.
     */
    static BitSet derivable(Model m, BitSet hidden) {
        int[] column = new int[m.size()];
        List<Integer> unknowns = new ArrayList<>();
        for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
            column[i] = unknowns.size();
            unknowns.add(i);
        }
        int u = unknowns.size();
        List<long[]> rows = new ArrayList<>();
        for (int[] e : m.equations) {
            long[] r = new long[u];
            boolean any = false;
            for (int k = 0; k < e.length; k++) {
                if (hidden.get(e[k])) {
                    r[column[e[k]]] += k == 0 ? 1 : -1;
                    any = true;
                }
            }
            if (any) {
                rows.add(r);
            }
        }
        int pivotRow = 0;
        int[] pivotOf = new int[rows.size()];
        for (int col = 0; col < u && pivotRow < rows.size(); col++) {
            int p = -1;
            for (int r = pivotRow; r < rows.size(); r++) {
                if (rows.get(r)[col] != 0) {
                    p = r;
                    break;
                }
            }
            if (p < 0) {
                continue;
            }
            java.util.Collections.swap(rows, p, pivotRow);
            long[] pr = rows.get(pivotRow);
            for (int r = 0; r < rows.size(); r++) {
                if (r == pivotRow || rows.get(r)[col] == 0) {
                    continue;
                }
                long[] row = rows.get(r);
                long a = pr[col];
                long b = row[col];
                for (int k = 0; k < u; k++) {
                    row[k] = Math.subtractExact(Math.multiplyExact(a, row[k]), Math.multiplyExact(b, pr[k]));
                }
                normalise(row);
            }
            pivotOf[pivotRow] = col;
            pivotRow++;
        }
        BitSet result = new BitSet();
        for (int r = 0; r < pivotRow; r++) {
            long[] row = rows.get(r);
            int nonZero = 0;
            for (long v : row) {
                if (v != 0) {
                    nonZero++;
                }
            }
            if (nonZero == 1) {
                result.set(unknowns.get(pivotOf[r]));
            }
        }
        return result;
    }

    private static void normalise(long[] row) {
        long g = 0;
        for (long v : row) {
            g = gcd(g, Math.abs(v));
        }
        if (g > 1) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= g;
            }
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
