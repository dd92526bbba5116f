package io.lowcarb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI for tests: in this JVM for quick checks, or as a separate JVM like a user would. */
final class Cli {
  private Cli() {}

  /** The outcome of an in-process run. */
  record Result(int exit, String out, String err) {}

  /** Runs {@code lowcarb ARGS} in this JVM. Only for runs that start no command. */
  static Result inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  /** Asserts that a run failed on bad input: exit 2 and one line on stderr naming {@code expected}. */
  static void assertUsageError(Result r, String expected) {
    org.assertj.core.api.Assertions.assertThat(r.exit()).as(r.err()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(r.err().strip().lines()).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(r.err()).contains(expected).doesNotContain("Exception");
  }

  /** The JSON export of every run in {@code store}. */
  static String inProcessJson(String store) {
    StringWriter out = new StringWriter();
    java.io.PrintStream saved = System.out;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      int exit = Main.run(new String[] {"runs", "export", "--format", "json", "--store", store},
          new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
      if (exit != 0) {
        throw new IllegalStateException("runs export exited with " + exit);
      }
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Starts {@code lowcarb ARGS} as its own JVM, with this test's class path; stderr goes to {@code log}. */
  static Process spawn(Path log, String... args) throws IOException {
    return spawn(log, java.util.Map.of(), args);
  }

  /** Starts {@code lowcarb ARGS} as its own JVM with extra environment variables. */
  static Process spawn(Path log, java.util.Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("--sun-misc-unsafe-memory-access=allow");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return builder
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
