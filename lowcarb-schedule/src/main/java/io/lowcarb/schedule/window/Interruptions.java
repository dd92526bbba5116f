package io.lowcarb.schedule.window;

/**
 * The cheapest choice of cells for an interruptible job, by dynamic programming over the cells in
 * time order. A state is (work cells done, length of the current stretch capped, whether the
 * current stretch is the first); a stretch after the first spends its first {@code restore} cells
 * restoring state before it does work. O(cells x work x max(chunk, restore + 1)).
 */
final class Interruptions {
  private final int work;
  private final int chunk;
  private final int restore;
  private final int cap;

  /**
   * @param work cells of work the job needs
   * @param chunk the shortest stretch, in cells (at most {@code work})
   * @param restore cells of extra running at the start of every stretch after the first
   */
  Interruptions(int work, int chunk, int restore) {
    this.work = work;
    this.chunk = chunk;
    this.restore = restore;
    this.cap = Math.max(chunk, restore + 1);
  }

  private int index(int done, int length, int firstStretch) {
    return (done * (cap + 1) + length) * 2 + firstStretch;
  }

  /**
   * @param cost the cost of running in each cell (intensity)
   * @return the chosen cells' indices, ascending
   * @throws IllegalArgumentException when no choice fits
   */
  int[] cheapest(double[] cost) {
    int n = cost.length;
    int states = (work + 1) * (cap + 1) * 2;
    double[] now = new double[states];
    double[] next = new double[states];
    int[][] from = new int[n][states];
    java.util.Arrays.fill(now, Double.POSITIVE_INFINITY);
    now[index(0, 0, 0)] = 0;
    double best = Double.POSITIVE_INFINITY;
    int bestCell = -1;
    int bestState = -1;
    for (int j = 0; j < n; j++) {
      java.util.Arrays.fill(next, Double.POSITIVE_INFINITY);
      for (int done = 0; done < work; done++) {
        for (int length = 0; length <= cap; length++) {
          for (int f = 0; f < 2; f++) {
            int s = index(done, length, f);
            double c = now[s];
            if (c == Double.POSITIVE_INFINITY) {
              continue;
            }
            if (length == 0 || length >= chunk) { // skip the cell: the stretch (if any) ends here
              int t = index(done, 0, 0);
              if (c < next[t]) {
                next[t] = c;
                from[j][t] = s << 1;
              }
            }
            boolean firstStretch = length == 0 ? done == 0 : f == 1;
            int newLength = Math.min(length + 1, cap);
            boolean works = firstStretch || length + 1 > restore;
            int newDone = done + (works ? 1 : 0);
            double taken = c + cost[j];
            if (newDone == work) {
              if (newLength >= chunk && taken < best) {
                best = taken;
                bestCell = j;
                bestState = s;
              }
              continue;
            }
            int t = index(newDone, newLength, firstStretch ? 1 : 0);
            if (taken < next[t]) {
              next[t] = taken;
              from[j][t] = (s << 1) | 1;
            }
          }
        }
      }
      double[] swap = now;
      now = next;
      next = swap;
    }
    if (bestCell < 0) {
      throw new IllegalArgumentException("no set of slots in the window fits the job with its minimum chunk and overheads");
    }
    java.util.List<Integer> cells = new java.util.ArrayList<>();
    cells.add(bestCell);
    int s = bestState;
    for (int j = bestCell - 1; j >= 0; j--) {
      int link = from[j][s];
      if ((link & 1) == 1) {
        cells.add(j);
      }
      s = link >> 1;
    }
    return cells.reversed().stream().mapToInt(Integer::intValue).toArray();
  }
}
