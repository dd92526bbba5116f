package io.lowcarb.report;

import io.lowcarb.track.Run;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunStore;
import java.util.List;

/** Where the report and the dashboard read runs from: the run store, or plain objects in tests. */
public interface RunSource {
  /** The runs that pass {@code filter}, newest first. */
  List<Run> list(RunFilter filter);

  /**
   * The run whose id is, or starts with, {@code idOrPrefix}, with its series.
   *
   * @throws io.lowcarb.track.UnknownRunException when none, or several, match
   */
  ReportRun get(String idOrPrefix);

  /** {@code runs} with their series. */
  List<ReportRun> withSeries(List<Run> runs);

  /** The runs of {@code store}. */
  static RunSource of(RunStore store) {
    return new RunSource() {
      @Override
      public List<Run> list(RunFilter filter) {
        return store.list(filter);
      }

      @Override
      public ReportRun get(String idOrPrefix) {
        Run run = store.get(idOrPrefix);
        return new ReportRun(run, store.series(run.id()));
      }

      @Override
      public List<ReportRun> withSeries(List<Run> runs) {
        return runs.stream().map(r -> new ReportRun(r, store.series(r.id()))).toList();
      }
    };
  }
}
