package io.lowcarb.track.codecarbon;

import io.lowcarb.track.ImportedRun;
import java.util.List;

/**
 * What an emissions.csv holds, read.
 *
 * @param name the file, as given
 * @param runs its runs, one per CodeCarbon run, in the order of the file
 * @param skipped the rows that cannot be imported, by line
 * @param earlierRows rows left out because a later row of the file is of the same run: CodeCarbon
 *     appends a row each time it flushes, each holding the run's totals so far
 */
public record CodeCarbonFile(String name, List<ImportedRun> runs, List<SkippedRow> skipped, int earlierRows) {
  public CodeCarbonFile {
    runs = List.copyOf(runs);
    skipped = List.copyOf(skipped);
  }
}
