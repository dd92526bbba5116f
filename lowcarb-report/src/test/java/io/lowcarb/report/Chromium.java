package io.lowcarb.report;

import static org.junit.jupiter.api.Assertions.fail;

import io.lowcarb.testing.HostTool;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven from tests: loads a page, returns the DOM after its scripts
 * ran and the console messages, or takes a screenshot. Without a chromium on the PATH (or at
 * {@code LOWCARB_CHROMIUM}) the tests that need it are skipped with one line on stderr, unless
 * {@code LOWCARB_REQUIRE_CHROMIUM=1} (CI), where they fail: see {@link HostTool}.
 */
public final class Chromium {
  /** How chromium logs a page's console messages with {@code --enable-logging=stderr}. */
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[(:]");
  private static final long TIMEOUT_S = 60;

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /**
   * What a page did.
   *
   * @param dom the serialised DOM after the page's scripts ran, or empty for a screenshot
   * @param console the console messages it logged (errors, warnings, logs)
   * @param log chromium's whole stderr, for failure messages
   */
  public record Load(String dom, List<String> console, String log) {}

  /** Chromium, or the test is skipped (failed under {@code LOWCARB_REQUIRE_CHROMIUM=1}). */
  public static Chromium require() {
    return new Chromium(HostTool.CHROMIUM.require());
  }

  /** Loads {@code page} and returns its DOM once its scripts ran. */
  public Load dom(URI page) throws IOException, InterruptedException {
    return run(page, List.of("--dump-dom"));
  }

  /** Loads {@code page} and writes a PNG of its first {@code width} x {@code height} CSS pixels to {@code png}. */
  public Load screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
    return run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars"));
  }

  private Load run(URI page, List<String> action) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("lowcarb-chromium");
    Path out = Files.createTempFile("lowcarb-chromium", ".out");
    Path err = Files.createTempFile("lowcarb-chromium", ".err");
    try {
      List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless=new", "--no-sandbox",
          "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
          "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile,
          // offline: a page that fetched anything from the network would show it
          "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
          "--enable-logging=stderr", "--v=0"));
      command.addAll(action);
      command.add(page.toString());
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail("chromium did not finish loading " + page + " within " + TIMEOUT_S + " s");
      }
      String log = Files.readString(err, StandardCharsets.UTF_8);
      List<String> console = log.lines().filter(l -> CONSOLE.matcher(l).find()).toList();
      if (p.exitValue() != 0) {
        fail("chromium exited with " + p.exitValue() + " loading " + page + ":\n" + log);
      }
      return new Load(Files.readString(out, StandardCharsets.UTF_8), console, log);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
