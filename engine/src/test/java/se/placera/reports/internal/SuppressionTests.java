package se.placera.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** GD-2: primary and secondary suppression of a table with its totals. */
class SuppressionTests {

    /** A rows × columns table with row, column and grand totals; returns the index of each inner cell. */
    static int[][] table(Suppression.Model m, long[][] values, int threshold) {
        int rows = values.length;
        int cols = values[0].length;
        int[][] idx = new int[rows][cols];
        long grand = 0;
        List<Integer> rowTotals = new ArrayList<>();
        long[] colSums = new long[cols];
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int c = 0; c < cols; c++) {
                idx[r][c] = m.cell("c" + r + "," + c, values[r][c], false, values[r][c] < threshold);
                sum += values[r][c];
                colSums[c] += values[r][c];
            }
            grand += sum;
            int t = m.cell("r" + r, sum, true, sum < threshold);
            rowTotals.add(t);
            List<Integer> parts = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                parts.add(idx[r][c]);
            }
            m.equation(t, parts);
        }
        int g = m.cell("g", grand, true, grand < threshold);
        m.equation(g, rowTotals);
        List<Integer> colTotals = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            int t = m.cell("k" + c, colSums[c], true, colSums[c] < threshold);
            colTotals.add(t);
            List<Integer> parts = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                parts.add(idx[r][c]);
            }
            m.equation(t, parts);
        }
        m.equation(g, colTotals);
        return idx;
    }

    @Test
    void oneSmallCellIsHiddenWithEnoughOthersThatItCannotBeWorkedOut() {
        var m = new Suppression.Model(5);
        int[][] idx = table(m, new long[][] {{20, 30, 3}, {25, 40, 50}, {10, 12, 14}}, 5);
        BitSet primaryOnly = new BitSet();
        primaryOnly.set(idx[0][2]);
        // With primary suppression alone, the row total gives the small cell away.
        assertThat(Suppression.derivable(m, primaryOnly).get(idx[0][2])).isTrue();

        BitSet hidden = Suppression.suppress(m, null);
        assertThat(hidden.get(idx[0][2])).isTrue();
        assertThat(hidden.cardinality()).isGreaterThanOrEqualTo(4);
        assertThat(Suppression.derivable(m, hidden).isEmpty()).isTrue();
    }

    @Test
    void hiddenZerosAreNotGivenAwayByARowWhoseHiddenPartsSumToZero() {
        var m = new Suppression.Model(5);
        int[][] idx = table(m, new long[][] {{20, 0, 0}, {25, 40, 50}, {10, 12, 14}}, 5);
        BitSet hidden = Suppression.suppress(m, null);
        assertThat(hidden.get(idx[0][1])).isTrue();
        assertThat(hidden.get(idx[0][2])).isTrue();
        // Row 0 is 20 + 0 + 0: hiding only the zeros would say their sum is 0, so something larger is hidden too.
        long hiddenSum = 0;
        for (int c = 0; c < 3; c++) {
            hiddenSum += hidden.get(idx[0][c]) ? new long[] {20, 0, 0}[c] : 0;
        }
        assertThat(hiddenSum).isGreaterThanOrEqualTo(5);
        assertThat(Suppression.derivable(m, hidden).isEmpty()).isTrue();
    }

    @Test
    void aTableWithoutSmallCellsIsShownWhole() {
        var m = new Suppression.Model(5);
        table(m, new long[][] {{20, 30}, {25, 40}}, 5);
        assertThat(Suppression.suppress(m, null).isEmpty()).isTrue();
    }

    @Test
    void randomTablesNeverLeaveADerivableCell() {
        var random = new java.util.Random(17);
        for (int round = 0; round < 300; round++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            long[][] v = new long[rows][cols];
            for (long[] row : v) {
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
                }
            }
            var m = new Suppression.Model(5);
            table(m, v, 5);
            BitSet hidden = Suppression.suppress(m, null);
            assertThat(Suppression.derivable(m, hidden).isEmpty()).as("round %d", round).isTrue();
        }
    }
}
