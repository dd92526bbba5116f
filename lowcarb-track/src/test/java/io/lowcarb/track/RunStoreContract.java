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

  @Test
  void aRunsIdIsAUuidFoundWholeOrByAnyUniquePrefixWithOrWithoutDashes() {
    String id = store.begin(Runs.start(RunKind.TRAIN, "digits mlp", T0));
    assertThat(RunStore.isUuid(id)).as(id).isTrue();
    assertThat(store.get(id).id()).isEqualTo(id);
    assertThat(store.get(id.substring(0, Run.SHORT_ID)).id()).isEqualTo(id);
    assertThat(store.get(id.replace("-", "").substring(0, 14)).id()).as("a prefix without dashes").isEqualTo(id);
    assertThat(store.get(id.toUpperCase(java.util.Locale.ROOT)).id()).isEqualTo(id);
    assertThat(store.get(id).shortId()).isEqualTo(id.substring(0, 12));
  }

  @Test
  void aRunBegunUnderTheIdItsFilesCarryKeepsItAndAnIdThatIsNoUuidIsRefused() {
    String id = RunStore.newId();
    assertThat(store.begin(id, Runs.start(RunKind.MEASURE, "sleep", T0))).isEqualTo(id);
    assertThat(store.contains(id)).isTrue();
    assertThat(store.get(id).name()).isEqualTo("sleep");
    assertThatThrownBy(() -> store.begin(id, Runs.start(RunKind.MEASURE, "again", T0)))
        .as("an id is taken once").isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.begin("0123456789ab", Runs.start(RunKind.MEASURE, "x", T0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UUID");
    assertThatThrownBy(() -> store.begin(id.toUpperCase(java.util.Locale.ROOT), Runs.start(RunKind.MEASURE, "x", T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMethodAndUncertaintyAreKeptPerComponentAndForTheTotal() {
    String id = store.begin(Runs.start(RunKind.MEASURE, "sleep", T0));
    Footprint f = new Footprint(
        List.of(new EnergyFigure("cpu", 0.003, "rapl", "rapl:package-0", 10),
            new EnergyFigure("ram", 0.001, "estimate", "ram-model", 40)),
        0.004, 0.004 * 0.2 * 1.2, 200, "ES", "built-in table", "average", 1.2);
    assertThat(f.method()).as("derived from the components").contains(io.lowcarb.energy.EnergyBasis.Obtained.MIXED);
    assertThat(f.uncertaintyPct()).isCloseTo(100 * Math.hypot(0.0003, 0.0004) / 0.004, within(1e-9));
    store.finish(id, RunEnd.finished(T0.plusSeconds(5), f, Map.of()));

    Footprint back = store.get(id).footprint().orElseThrow();
    assertThat(back.method()).contains(io.lowcarb.energy.EnergyBasis.Obtained.MIXED);
    assertThat(back.uncertaintyPct()).isCloseTo(f.uncertaintyPct(), within(1e-9));
    assertThat(back.basis()).isPresent();
    assertThat(back.energy()).extracting(EnergyFigure::component, EnergyFigure::uncertaintyPct)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cpu", 10.0), org.assertj.core.groups.Tuple.tuple("ram", 40.0));
  }

  @Test
  void anUncertaintyNotKnownIsReadBackNotKnownNeverZero() {
    String id = store.begin(Runs.start(RunKind.MEASURE, "sleep", T0));
    store.finish(id, RunEnd.finished(T0.plusSeconds(5), Runs.footprint(0.002, 150), Map.of()));
    Footprint back = store.get(id).footprint().orElseThrow();
    assertThat(back.method()).as("rapl and estimate components").contains(io.lowcarb.energy.EnergyBasis.Obtained.MIXED);
    assertThat(back.knownUncertaintyPct()).isEmpty();
    assertThat(back.basis()).isEmpty();
    assertThat(back.energy()).allSatisfy(e -> assertThat(e.knownUncertaintyPct()).isEmpty());
  }

  @Test
  void aRunRecordedUnderAnotherNamesItsParentWhichListsItsChildren() {
    String parent = store.begin(Runs.start(RunKind.PIPELINE, "digits", T0));
    String train = store.begin(Runs.start(RunKind.TRAIN, "digits mlp", T0.plusSeconds(1)).under(parent));
    String compress = store.begin(Runs.start(RunKind.COMPRESS, "digits mlp", T0.plusSeconds(2)).under(parent));
    store.begin(Runs.start(RunKind.TRAIN, "elsewhere", T0.plusSeconds(3)));
    assertThat(store.get(train).parentId()).contains(parent);
    assertThat(store.get(parent).parentId()).isEmpty();
    assertThat(ids(store.children(parent))).containsExactly(train, compress);
    assertThat(store.children(train)).isEmpty();
  }

  @Test
  void aRunReopenedIsRunningAgainUntilItsNewEnd() {
    String id = store.begin(Runs.start(RunKind.PIPELINE, "digits", T0));
    store.finish(id, RunEnd.finished(T0.plusSeconds(5), Runs.footprint(0.002, 150), Map.of()).failed("step failed"));
    store.reopen(id);
    assertThat(store.get(id).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(store.get(id).end()).isEmpty();
    store.finish(id, RunEnd.finished(T0.plusSeconds(50), Runs.footprint(0.003, 150), Map.of()));
    assertThat(store.get(id).status()).isEqualTo(RunStatus.FINISHED);
    assertThatThrownBy(() -> store.reopen(RunStore.newId())).isInstanceOf(UnknownRunException.class);
  }

  @Test
  void anImportedRunWithItsOwnIdKeepsItAndTheRunItNamesIsNotAddedTwice() {
    String own = RunStore.newId();
    ImportedRun a = new ImportedRun(Runs.start(RunKind.IMPORTED, "codecarbon", T0),
        RunEnd.finished(T0.plusSeconds(30), Runs.footprint(0.01, 300), Map.of()), "codecarbon:" + own,
        Optional.of(own));
    assertThat(store.importRuns(List.of(a))).containsEntry("codecarbon:" + own, own);
    assertThat(store.get(own).kind()).isEqualTo(RunKind.IMPORTED);

    String recorded = store.begin(Runs.start(RunKind.MEASURE, "sleep", T0));
    ImportedRun back = new ImportedRun(Runs.start(RunKind.IMPORTED, "sleep", T0),
        RunEnd.finished(T0.plusSeconds(30), Runs.footprint(0.01, 300), Map.of()), "codecarbon:" + recorded,
        Optional.of(recorded));
    assertThat(store.importRuns(List.of(back))).as("the store recorded that run itself").isEmpty();
    assertThat(store.get(recorded).kind()).isEqualTo(RunKind.MEASURE);
  }

  /** A store URL other than {@link #url()}, empty, for a store made by hand. */
  abstract String otherUrl() throws Exception;

  @Test
  void aStoreMadeByTheEarlierMigrationsWithRunsInItOpensMigratedWithTheirMethodsAndNoUncertainty() throws Exception {
    String url = otherUrl();
    org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
        .dataSource(StoreDatabase.normalised(url), null, null)
        .locations("classpath:io/lowcarb/track/migration")
        .table("lowcarb_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target("2")
        .load()
        .migrate();
    String machine = "'{\"host\":\"h\",\"cpuModel\":\"c\",\"cpus\":1,\"ramBytes\":0,\"gpus\":[],\"os\":\"Linux\"}'";
    String time = "TIMESTAMP WITH TIME ZONE '2026-02-03 04:00:00+00'";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(StoreDatabase.normalised(url));
        java.sql.Statement st = c.createStatement()) {
      for (String[] run : new String[][] {
          {"0123456789ab", "MEASURE", "0.004"}, {"0123456789ac", "TRAIN", "0.002"}, {"0123456789ad", "IMPORTED", "0.5"},
          {"0123456789ae", "MEASURE", "0.001"}, {"fedcba987654", "TRAIN", null}}) {
        st.executeUpdate("insert into runs (id, kind, name, command, parameters, status, started_at, ended_at, host,"
            + " machine, energy_kwh, emissions_kg, pue) values ('" + run[0] + "', '" + run[1] + "', 'old', 'lowcarb',"
            + " '{}', '" + (run[2] == null ? "RUNNING" : "FINISHED") + "', " + time + ", "
            + (run[2] == null ? "null" : time) + ", 'h', " + machine + ", " + run[2] + ", "
            + (run[2] == null ? "null" : "0.0001") + ", 1.0)");
      }
      st.executeUpdate("insert into run_energy (run_id, component, kwh, method, sensor) values"
          + " ('0123456789ab', 'cpu', 0.003, 'rapl', 'rapl:package-0'), ('0123456789ab', 'ram', 0.001, 'estimate', 'ram'),"
          + " ('0123456789ac', 'cpu', 0.002, 'estimate', 'tdp'), ('0123456789ac', 'gpu', 0, 'nvml', 'nvml:0'),"
          + " ('0123456789ad', 'total', 0.5, 'codecarbon', 'codecarbon'),"
          + " ('0123456789ae', 'cpu', 0.001, 'rapl', 'rapl:package-0')");
    }
    try (RunStore s = RunStore.open(url)) {
      Footprint mixed = s.get("0123456789ab").footprint().orElseThrow();
      assertThat(mixed.method()).contains(io.lowcarb.energy.EnergyBasis.Obtained.MIXED);
      assertThat(mixed.knownUncertaintyPct()).as("never stored: not known, not invented").isEmpty();
      assertThat(mixed.energy()).allSatisfy(e -> assertThat(e.knownUncertaintyPct()).isEmpty());
      assertThat(s.get("0123456789ac").footprint().orElseThrow().method())
          .as("a component without energy does not count").contains(io.lowcarb.energy.EnergyBasis.Obtained.ESTIMATED);
      assertThat(s.get("0123456789ad").footprint().orElseThrow().method()).as("another tool's: not known").isEmpty();
      assertThat(s.get("0123456789ae").footprint().orElseThrow().method())
          .contains(io.lowcarb.energy.EnergyBasis.Obtained.MEASURED);
      Run running = s.get("fedcba");
      assertThat(running.footprint()).isEmpty();
      assertThat(running.parentId()).isEmpty();
      assertThat(running.id()).as("an old id, found by its prefix").isEqualTo("fedcba987654");
      String fresh = s.begin(Runs.start(RunKind.MEASURE, "new", T0));
      assertThat(RunStore.isUuid(fresh)).isTrue();
      assertThat(s.list(RunFilter.latest(10))).hasSize(6);
    }
  }

  private static ImportedRun imported(String key, Instant start, Footprint footprint) {
    return new ImportedRun(Runs.start(RunKind.IMPORTED, "codecarbon", start),
        RunEnd.finished(start.plusSeconds(30), footprint, Map.of()), key);
  }

  private static List<String> ids(List<Run> runs) {
    return runs.stream().map(Run::id).toList();
  }
}
