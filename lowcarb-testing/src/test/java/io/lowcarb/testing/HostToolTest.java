package io.lowcarb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Finding a program of the host, and skipping or failing without it, on environments of the tests' own. */
class HostToolTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
  // A name of its own per test: the once-per-JVM line is per tool.
  private final HostTool tool =
      new HostTool("frob-" + UUID.randomUUID().toString().substring(0, 8), List.of("frob", "frob-ng"), "frobnicate");

  private Path file(String path, String mode) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void theVariablesAreNamedAfterTheTool() {
    assertThat(HostTool.GCC.pathVariable()).isEqualTo("LOWCARB_GCC");
    assertThat(HostTool.GCC.requireVariable()).isEqualTo("LOWCARB_REQUIRE_GCC");
    assertThat(HostTool.CHROMIUM.requireVariable()).isEqualTo("LOWCARB_REQUIRE_CHROMIUM");
  }

  @Test
  void theFirstExecutableOnThePathIsFound() throws Exception {
    file("a/frob", "rw-r--r--"); // not executable: passed over
    Path second = file("b/frob-ng", "rwxr-xr-x");
    Path third = file("c/frob", "rwxr-xr-x");
    String path = String.join(":", dir.resolve("a").toString(), "", dir.resolve("b").toString(), dir.resolve("c").toString());

    assertThat(tool.require(Map.of("PATH", path), errors)).isEqualTo(second);
    assertThat(tool.find(Map.of("PATH", dir.resolve("c").toString()))).contains(third);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void thePathVariableIsUsedInsteadOfThePath() throws Exception {
    Path named = file("elsewhere/frobber", "rwxr-xr-x");
    Path onPath = file("bin/frob", "rwxr-xr-x");
    Map<String, String> env = Map.of("PATH", onPath.getParent().toString(), tool.pathVariable(), named.toString());

    assertThat(tool.require(env, errors)).isEqualTo(named);
  }

  @Test
  void aMissingToolSkipsWithOneLineForTheWholeJvm() {
    Map<String, String> env = Map.of("PATH", dir.toString());

    assertThatThrownBy(() -> tool.require(env, errors))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no " + tool.name() + " on the PATH (Debian: apt-get install " + tool.name());
    assertThatThrownBy(() -> tool.require(env, errors)).isInstanceOf(TestAbortedException.class);

    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
        .startsWith("lowcarb tests: no " + tool.name() + " on the PATH")
        .contains("the tests that frobnicate are skipped")
        .endsWith("(" + tool.requireVariable() + "=1 makes this a failure)");
  }

  @Test
  void aPathVariableNamingNoExecutableSaysSo() throws Exception {
    Path plain = file("frob.txt", "rw-r--r--");
    Map<String, String> env = Map.of("PATH", "", tool.pathVariable(), plain.toString());

    assertThatThrownBy(() -> tool.require(env, errors))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage(tool.pathVariable() + "=" + plain + " is not an executable");
  }

  @Test
  void whenRequiredAMissingToolFailsTheTest() {
    Map<String, String> env = Map.of("PATH", dir.toString(), tool.requireVariable(), "1");

    assertThatThrownBy(() -> tool.require(env, errors))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no " + tool.name() + " on the PATH")
        .hasMessageEndingWith(", and " + tool.requireVariable() + "=1");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
