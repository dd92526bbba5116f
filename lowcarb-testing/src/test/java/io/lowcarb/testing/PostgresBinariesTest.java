package io.lowcarb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the binaries into a cache of the test's own. */
class PostgresBinariesTest {
  @TempDir Path cache;

  @Test
  void unpackingsThatRaceEndWithOneCompleteTreeThatIsReused() throws Exception {
    Callable<Path> unpack = () -> PostgresBinaries.unpacked(cache);
    List<Path> homes;
    try (ExecutorService two = Executors.newFixedThreadPool(2)) {
      homes = two.invokeAll(List.of(unpack, unpack)).stream().map(PostgresBinariesTest::get).toList();
    }

    Path home = homes.get(0);
    assertThat(homes.get(1)).isEqualTo(home);
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).containsExactly(home); // the loser's partial tree is gone
    }
    assertThat(home.getFileName().toString()).matches("[0-9a-f]{16}");
    for (String program : List.of("initdb", "postgres", "pg_ctl")) {
      assertThat(home.resolve("bin").resolve(program)).isExecutable();
    }
    assertThat(home.resolve("lib/libpq.so")).isSymbolicLink();
    assertThat(Files.readSymbolicLink(home.resolve("lib/libpq.so")).toString()).doesNotContain("/");
    assertThat(Files.getPosixFilePermissions(home)).hasSize(7); // rwxr-xr-x: others may read

    Files.writeString(home.resolve("mark"), "kept");
    assertThat(PostgresBinaries.unpacked(cache)).isEqualTo(home);
    assertThat(home.resolve("mark")).hasContent("kept"); // reused, not unpacked again
  }

  private static Path get(Future<Path> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
