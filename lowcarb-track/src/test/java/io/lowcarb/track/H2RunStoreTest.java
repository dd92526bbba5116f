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
