package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Machine;
import io.lowcarb.track.Point;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import io.lowcarb.track.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb report} over an H2 store. */
class ReportCommandTest {
  @TempDir Path dir;

  String url() {
    return "jdbc:h2:file:" + dir.resolve("runs");
  }

  /** Stores a finished run named {@code name} with a cumulative energy series; returns its id. */
  static String store(RunStore s, RunKind kind, String name, Instant at, double accuracy) {
    double kwh = 0.002;
    Footprint f = new Footprint(List.of(new EnergyFigure("cpu", kwh, "rapl", "rapl:package-0")), kwh, kwh * 0.25, 250,
        "DE", "built-in table", "average", 1.0);
    return s.insert(
        new RunStart(kind, name, "lowcarb " + kind.label(), Map.of(), at, Machine.local(), "accuracy"),
        RunEnd.finished(at.plusSeconds(30), f, Map.of("accuracy", accuracy)),
        Map.of("energy_kwh", List.of(new Point(10, kwh / 3), new Point(30, kwh))));
  }

  @Test
  void writesTheLatestRunsOrTheRunsNamed() throws Exception {
    String a;
    String b;
    try (RunStore s = RunStore.open(url())) {
      a = store(s, RunKind.TRAIN, "digits mlp:16", Instant.parse("2026-01-05T10:00:00Z"), 0.95);
      b = store(s, RunKind.TRAIN, "digits mlp:64", Instant.parse("2026-01-05T11:00:00Z"), 0.97);
      store(s, RunKind.MEASURE, "sleep 1", Instant.parse("2026-01-05T12:00:00Z"), 0.5);
    }
    Path out = dir.resolve("out/report.html");
    Cli.Result all = Cli.inProcess("report", "--store", url(), "--kind", "train", "--out", out.toString());
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out()).isEqualTo("report: 2 runs, 2 charts -> " + out + "\n");
    String html = Files.readString(out);
    assertThat(html).contains("digits mlp:16").contains("digits mlp:64").doesNotContain("sleep 1")
        .contains("<!DOCTYPE html>").contains("echarts");

    Cli.Result one = Cli.inProcess("report", "--store", url(), b.substring(0, 5), "--out", out.toString());
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out()).startsWith("report: 1 run, ");
    assertThat(Files.readString(out)).contains("digits mlp:64").doesNotContain("digits mlp:16").doesNotContain(a);

    Cli.Result last = Cli.inProcess("report", "--store", url(), "--last", "1", "--out", out.toString());
    assertThat(last.exit()).as(last.err()).isZero();
    assertThat(Files.readString(out)).contains("sleep 1").doesNotContain("digits mlp");
  }

  @Test
  void noRunsOrAnUnknownRunIsOneLineAndExitTwo() {
    Path out = dir.resolve("report.html");
    Cli.Result empty = Cli.inProcess("report", "--store", url(), "--out", out.toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).startsWith("report: no runs to report in the run store at ").hasLineCount(1);
    assertThat(out).doesNotExist();

    Cli.Result unknown = Cli.inProcess("report", "--store", url(), "0123456789ab", "--out", out.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("report: no run 0123456789ab in the run store").hasLineCount(1);

    Cli.Result kind = Cli.inProcess("report", "--store", url(), "--kind", "bake", "--out", out.toString());
    assertThat(kind.exit()).isEqualTo(2);
    assertThat(kind.err()).startsWith("report: unknown run kind 'bake'").hasLineCount(1);

    Cli.Result noOut = Cli.inProcess("report", "--store", url());
    assertThat(noOut.exit()).isEqualTo(2);
    assertThat(noOut.err()).contains("--out");
  }
}
