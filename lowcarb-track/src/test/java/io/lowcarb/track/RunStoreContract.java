package io.lowcarb.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do, on H2 and on PostgreSQL. */
abstract class RunStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  RunStore store;

  abstract String url() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = RunStore.open(url());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aRunIsStoredWhenItStartsAndCompletedWhenItEnds() {
    String id = store.begin(Runs.start(RunKind.TRAIN, "digits mlp", T0));

    Run running = store.get(id);
    assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(running.end()).isEmpty();
    assertThat(running.footprint()).isEmpty();
    assertThat(running.parameters()).containsEntry("epochs", "3");
    assertThat(running.machine().cpuModel()).isEqualTo("Test CPU");

    store.addPoints(id, "accuracy", List.of(new Point(1, 0.9), new Point(2, 0.95)));
    store.finish(id, RunEnd.finished(T0.plusSeconds(90), Runs.footprint(0.002, 150), Map.of("accuracy", 0.97))
        .withArtifacts(List.of(new Artifact("checkpoint", "/tmp/x/epoch-2")))
        .withUnit(new FunctionalUnit("training run", 1)));

    Run done = store.get(id);
    assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(done.end()).contains(T0.plusSeconds(90));
    assertThat(done.duration().orElseThrow().toSeconds()).isEqualTo(90);
    Footprint f = done.footprint().orElseThrow();
    assertThat(f.kwh()).isEqualTo(0.002);
    assertThat(f.emissionsKg()).isCloseTo(0.002 * 150 * 1.2 / 1000, within(1e-12));
    assertThat(f.energy()).extracting(EnergyFigure::component, EnergyFigure::method)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cpu", "rapl"), org.assertj.core.groups.Tuple.tuple("ram", "estimate"));
    assertThat(done.main()).hasValue(0.97);
    assertThat(done.artifacts()).containsExactly(new Artifact("checkpoint", "/tmp/x/epoch-2"));
    assertThat(done.unit()).contains(new FunctionalUnit("training run", 1));
    assertThat(store.series(id)).containsOnlyKeys("accuracy");
    assertThat(store.series(id).get("accuracy")).containsExactly(new Point(1, 0.9), new Point(2, 0.95));
  }

  @Test
  void aFailedRunKeepsItsReasonAndExitCode() {
    String id = store.begin(Runs.start(RunKind.MEASURE, "sleep", T0));
    store.finish(id, RunEnd.finished(T0.plusSeconds(1), Runs.footprint(1e-5, 100), Map.of()).withExitCode(3)
        .failed("the command exited with status 3"));
    Run r = store.get(id);
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.exitCode()).hasValue(3);
    assertThat(r.message()).isEqualTo("the command exited with status 3");
  }

  @Test
  void runsAreFoundByAUniquePrefixAndUnknownIdsAreNamed() {
    String id = store.begin(Runs.start(RunKind.INFER, "model.onnx", T0));
    assertThat(store.get(id.substring(0, 6)).id()).isEqualTo(id);
    assertThat(store.get(id.toUpperCase()).id()).isEqualTo(id);
    assertThatThrownBy(() -> store.get("zzzz"))
        .isInstanceOf(UnknownRunException.class)
        .hasMessageStartingWith("no run zzzz in the run store at ");
    assertThatThrownBy(() -> store.finish("abcdefabcdef", RunEnd.finished(T0, Runs.footprint(1, 1), Map.of())))
        .isInstanceOf(UnknownRunException.class);
  }

  @Test
  void listIsNewestFirstAndFilters() {
    String a = store.begin(Runs.start(RunKind.TRAIN, "digits mlp", T0));
    String b = store.begin(Runs.start(RunKind.INFER, "model.onnx", T0.plusSeconds(60)));
    String c = store.begin(Runs.start(RunKind.TRAIN, "mnist cnn", T0.plusSeconds(120)));

    assertThat(ids(store.list(RunFilter.latest(10)))).containsSubsequence(c, b, a);
    assertThat(ids(store.list(RunFilter.latest(10)))).startsWith(c, b, a);
    assertThat(ids(store.list(new RunFilter(Optional.of(RunKind.TRAIN), Optional.empty(), Optional.empty(), 10))))
        .containsExactly(c, a);
    assertThat(ids(store.list(new RunFilter(Optional.empty(), Optional.of(T0.plusSeconds(60)), Optional.empty(), 10))))
        .containsExactly(c, b);
    assertThat(ids(store.list(new RunFilter(Optional.empty(), Optional.empty(), Optional.of("MNIST"), 10))))
        .containsExactly(c);
    assertThat(store.list(RunFilter.latest(2))).hasSize(2);
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    int writers = 4;
    int runsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<List<String>>> futures = new ArrayList<>();
    try (RunStore second = RunStore.open(url())) {
      for (int w = 0; w < writers; w++) {
        RunStore s = w % 2 == 0 ? store : second;
        int writer = w;
        futures.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < runsEach; i++) {
            String id = s.begin(Runs.start(RunKind.MEASURE, "w" + writer + "-" + i, T0.plus(i, ChronoUnit.SECONDS)));
            s.addPoints(id, "power_w.cpu", List.of(new Point(0, 10), new Point(1, 12)));
            s.finish(id, RunEnd.finished(T0.plusSeconds(i + 1), Runs.footprint(1e-4, 200), Map.of("n", (double) i)));
            ids.add(id);
          }
          return ids;
        }));
      }
      Set<String> written = new HashSet<>();
      for (Future<List<String>> f : futures) {
        written.addAll(f.get());
      }
      assertThat(written).hasSize(writers * runsEach);
      List<Run> stored = store.list(RunFilter.latest(1000));
      assertThat(ids(stored)).containsAll(written);
      for (Run r : stored) {
        assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(store.series(r.id()).get("power_w.cpu")).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anImportedRunIsStoredWhole() {
    String id = store.insert(Runs.start(RunKind.IMPORTED, "codecarbon", T0),
        RunEnd.finished(T0.plusSeconds(30), Runs.footprint(0.01, 300), Map.of()),
        Map.of("energy_kwh", List.of(new Point(30, 0.01))));
    assertThat(store.get(id).footprint().orElseThrow().kwh()).isEqualTo(0.01);
    assertThat(store.series(id)).containsKey("energy_kwh");
  }

  @Test
  void importedRunsAreStoredOnceAndAllTogether() {
    ImportedRun a = imported("codecarbon:a", T0, Runs.footprint(0.01, 300));
    ImportedRun b = imported("codecarbon:b", T0.plusSeconds(60), Runs.footprint(0.02, 300));
    Map<String, String> first = store.importRuns(List.of(a, b, a));
    assertThat(first.keySet()).containsExactly("codecarbon:a", "codecarbon:b");
    assertThat(store.importRuns(List.of(b, a))).as("imported twice: nothing added").isEmpty();
    ImportedRun c = imported("codecarbon:c", T0.plusSeconds(120), Runs.footprint(0.03, 300));
    assertThat(store.importRuns(List.of(a, c)).keySet()).containsExactly("codecarbon:c");
    assertThat(store.list(RunFilter.latest(10))).hasSize(3);

    ImportedRun tooLong = new ImportedRun(Runs.start(RunKind.IMPORTED, "x".repeat(400), T0),
        RunEnd.finished(T0, Runs.footprint(0.01, 300), Map.of()), "codecarbon:d");
    assertThatThrownBy(() -> store.importRuns(List.of(imported("codecarbon:e", T0, Runs.footprint(0.01, 300)), tooLong)))
        .isInstanceOf(StoreException.class);
    assertThat(store.list(RunFilter.latest(10))).as("a failed import stores nothing").hasSize(3);
  }

  @Test
  void figuresNotKnownAreReadBackNotKnownNeverZero() {
    Footprint noEmissions = new Footprint(List.of(new EnergyFigure("total", 0.2, "codecarbon", "codecarbon")), 0.2,
        Double.NaN, Double.NaN, "FRA", "CodeCarbon", "average", 1.0);
    Footprint noEnergy = new Footprint(List.of(), Double.NaN, 0.004, Double.NaN, "FRA", "CodeCarbon", "average", 1.0);
    RunStart unknownStart = new RunStart(RunKind.IMPORTED, "codecarbon", "codecarbon", Map.of(), T0,
        Runs.start(RunKind.IMPORTED, "m", T0).machine(), "", false);
    Map<String, String> ids = store.importRuns(List.of(
        imported("codecarbon:no-emissions", T0, noEmissions),
        imported("codecarbon:no-energy", T0, noEnergy),
        new ImportedRun(unknownStart, RunEnd.finished(T0, Runs.footprint(0.01, 300), Map.of()), "codecarbon:no-start")));

    Footprint a = store.get(ids.get("codecarbon:no-emissions")).footprint().orElseThrow();
    assertThat(a.knownKwh()).hasValue(0.2);
    assertThat(a.knownEmissionsKg()).isEmpty();
    assertThat(a.knownIntensity()).isEmpty();
    assertThat(a.energy()).hasSize(1);
    Footprint b = store.get(ids.get("codecarbon:no-energy")).footprint().orElseThrow();
    assertThat(b.knownKwh()).isEmpty();
    assertThat(b.knownEmissionsKg()).hasValue(0.004);
    Run c = store.get(ids.get("codecarbon:no-start"));
    assertThat(c.startKnown()).isFalse();
    assertThat(c.duration()).isEmpty();
    assertThat(c.knownStart()).isEmpty();
    assertThat(c.end()).hasValue(T0);
    assertThat(store.get(ids.get("codecarbon:no-emissions")).duration()).hasValue(java.time.Duration.ofSeconds(30));
  }

  private static ImportedRun imported(String key, Instant start, Footprint footprint) {
    return new ImportedRun(Runs.start(RunKind.IMPORTED, "codecarbon", start),
        RunEnd.finished(start.plusSeconds(30), footprint, Map.of()), key);
  }

  private static List<String> ids(List<Run> runs) {
    return runs.stream().map(Run::id).toList();
  }
}
