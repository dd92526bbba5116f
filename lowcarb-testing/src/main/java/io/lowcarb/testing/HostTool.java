package io.lowcarb.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * A program of the host that some tests run, such as gcc or chromium. Where it is missing those
 * tests are skipped, and the first of them in a JVM says why in one line on stderr; with
 * {@code LOWCARB_REQUIRE_<NAME>=1} (CI, where the program is installed on purpose) they fail
 * instead. {@code LOWCARB_<NAME>} names the program's path in place of a search of the PATH.
 *
 * @param name the program's name, upper-cased in the two variables
 * @param commands the names it may have on the PATH, in order
 * @param needed what the tests that need it do, for the line that says they are skipped
 */
public record HostTool(String name, List<String> commands, String needed) {
  /** gcc, which compiles the NVML stand-in library (Debian package gcc). */
  public static final HostTool GCC = new HostTool("gcc", List.of("gcc"), "compile the NVML stand-in");

  /** Headless chromium, which loads the report and the dashboard (Debian package chromium). */
  public static final HostTool CHROMIUM =
      new HostTool("chromium", List.of("chromium", "chromium-browser"), "draw pages in a browser");

  /** The tools whose absence this JVM already reported: one line each, not one per test. */
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  public HostTool {
    commands = List.copyOf(commands);
  }

  /** The variable that names the program's path: {@code LOWCARB_GCC}. */
  public String pathVariable() {
    return "LOWCARB_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The variable that makes a missing program a failure: {@code LOWCARB_REQUIRE_GCC}. */
  public String requireVariable() {
    return "LOWCARB_REQUIRE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * The program's path; otherwise the calling test is skipped, or fails under
   * {@code LOWCARB_REQUIRE_<NAME>=1}.
   */
  public Path require() {
    return require(System.getenv(), System.err);
  }

  Path require(Map<String, String> env, PrintStream err) {
    Optional<Path> found = find(env);
    if (found.isPresent()) {
      return found.get();
    }
    String why = missing(env);
    if ("1".equals(env.get(requireVariable()))) {
      fail(why + ", and " + requireVariable() + "=1");
    }
    if (REPORTED.add(name)) {
      err.println("lowcarb tests: " + why + ": the tests that " + needed + " are skipped ("
          + requireVariable() + "=1 makes this a failure)");
    }
    return Assumptions.abort(why);
  }

  /** The program named by {@code LOWCARB_<NAME>}, else the first of its commands on the PATH. */
  Optional<Path> find(Map<String, String> env) {
    String configured = env.get(pathVariable());
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String command : commands) {
        Path candidate = Path.of(dir, command);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private String missing(Map<String, String> env) {
    String configured = env.get(pathVariable());
    if (configured != null && !configured.isBlank()) {
      return pathVariable() + "=" + configured + " is not an executable";
    }
    return "no " + name + " on the PATH (Debian: apt-get install " + name + "; or set " + pathVariable() + ")";
  }
}
