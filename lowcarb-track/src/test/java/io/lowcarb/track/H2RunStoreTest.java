package io.lowcarb.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on an H2 file. */
class H2RunStoreTest extends RunStoreContract {
  @TempDir Path dir;

  @Override
  String url() {
    return RunStore.defaultUrl(dir);
  }

  @Override
  String otherUrl() {
    return RunStore.defaultUrl(dir.resolve("other"));
  }

  @Test
  void theDefaultStoreIsAFileThatOutlivesTheProcessThatWroteIt() {
    Path home = dir.resolve("home/.lowcarb");
    String id;
    try (RunStore s = RunStore.openDefault(home)) {
      id = s.begin(Runs.start(RunKind.TRAIN, "digits", Instant.parse("2026-01-01T00:00:00Z")));
    }
    assertThat(Files.exists(home.resolve("runs.mv.db"))).isTrue();
    try (RunStore s = RunStore.openDefault(home)) {
      assertThat(s.get(id).name()).isEqualTo("digits");
    }
  }

  @Test
  void aStoreWrittenBeforeImportKeysIsMigratedWithItsRuns() throws Exception {
    String url = RunStore.defaultUrl(dir.resolve("old"));
    org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
        .dataSource(StoreDatabase.normalised(url), null, null)
        .locations("classpath:io/lowcarb/track/migration")
        .table("lowcarb_schema_history")
        .target("1")
        .load()
        .migrate();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(StoreDatabase.normalised(url));
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("insert into runs (id, kind, name, command, parameters, status, started_at, ended_at, host,"
          + " machine, energy_kwh, emissions_kg, pue) values ('0123456789ab', 'IMPORTED', 'bert', 'codecarbon',"
          + " '{\"import_key\":\"1f7c@2023-02-03T04:05:06\"}', 'FINISHED', TIMESTAMP WITH TIME ZONE"
          + " '2023-02-03 04:00:00+00', TIMESTAMP WITH TIME ZONE '2023-02-03 04:05:06+00', 'h',"
          + " '{\"host\":\"h\",\"cpuModel\":\"c\",\"cpus\":1,\"ramBytes\":0,\"gpus\":[],\"os\":\"Linux\"}',"
          + " 0.5, 0.2, 1.0)");
    }
    try (RunStore s = RunStore.open(url)) {
      Run old = s.get("0123456789ab");
      assertThat(old.startKnown()).isTrue();
      assertThat(old.duration()).hasValue(java.time.Duration.ofSeconds(306));
      assertThat(old.footprint().orElseThrow().kwh()).isEqualTo(0.5);
      assertThat(s.importRuns(java.util.List.of(new ImportedRun(Runs.start(RunKind.IMPORTED, "bert", Instant.EPOCH),
          RunEnd.finished(Instant.EPOCH.plusSeconds(1), Runs.footprint(0.5, 400), java.util.Map.of()), "codecarbon:1f7c"))))
          .as("the key column is new: an earlier import's key is in its parameters only").hasSize(1);
    }
  }

  @Test
  void aUrlThatIsNotAStoreIsRefusedByName() {
    assertThatThrownBy(() -> RunStore.open("jdbc:mysql://x/y"))
        .isInstanceOf(StoreException.class)
        .hasMessage("unsupported run store URL 'jdbc:mysql://x/y': use jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB");
  }

  @Test
  void anUnreachablePostgresIsNamedWithoutItsPassword() {
    assertThatThrownBy(() -> RunStore.open("jdbc:postgresql://127.0.0.1:1/runs?user=a&password=secret"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the run store at jdbc:postgresql://127.0.0.1:1/runs?user=a&password=***: ")
        .hasMessageNotContaining("secret");
  }
}
