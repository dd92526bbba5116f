package io.lowcarb.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL that tests use: the server of {@code LOWCARB_TEST_POSTGRES_URL} where that is
 * set, otherwise one that this JVM starts itself on first use, from PostgreSQL's binaries on the
 * class path, and stops when it exits. A server that cannot start fails the test with the
 * reason. On a machine other than Linux x86-64, for which there are no binaries here, the tests
 * are skipped with one line on stderr, unless {@code LOWCARB_REQUIRE_POSTGRES=1}.
 */
public final class TestPostgres {
  /** Names an external server in place of the one the tests start. */
  public static final String URL_VARIABLE = "LOWCARB_TEST_POSTGRES_URL";

  /** Set to 1, PostgreSQL tests may not be skipped. */
  public static final String REQUIRE_VARIABLE = "LOWCARB_REQUIRE_POSTGRES";

  private static final Set<String> ARCHITECTURES = Set.of("amd64", "x86_64");

  private static LocalPostgres local;
  private static String failure;
  private static boolean reported;

  private TestPostgres() {}

  /** The JDBC URL of the server, with role and password: skips or fails the test without one. */
  public static String url() {
    String external = System.getenv(URL_VARIABLE);
    if (external != null && !external.isBlank()) {
      return external;
    }
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.equals("Linux") || !ARCHITECTURES.contains(arch)) {
      String why = "the tests start PostgreSQL on Linux x86-64 only, not " + os + " " + arch
          + "; set " + URL_VARIABLE + " to a server of yours";
      if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
        fail(why + ", and " + REQUIRE_VARIABLE + "=1");
      }
      return skip(why);
    }
    return local().url();
  }

  /** One server per JVM, started by the first test that asks; a failure is kept, not retried. */
  private static synchronized LocalPostgres local() {
    if (local == null && failure == null) {
      try {
        ServerUser user = ServerUser.forThisJvm();
        Path binaries = PostgresBinaries.unpacked(PostgresBinaries.defaultCache(user));
        LocalPostgres started = LocalPostgres.start(binaries, Path.of(System.getProperty("java.io.tmpdir")), user);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "lowcarb-test-postgres-stop"));
        local = started;
        System.err.println("lowcarb tests: started PostgreSQL on 127.0.0.1 as "
            + started.process().info().user().orElse("uid " + user.uid()) + " in " + started.directory()
            + " (" + URL_VARIABLE + " names a server of yours instead)");
      } catch (IOException | RuntimeException e) {
        failure = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "interrupted while starting";
      }
    }
    if (local == null) {
      fail("cannot start a PostgreSQL for the tests: " + failure + "\n(or set " + URL_VARIABLE
          + " to a server of yours)");
    }
    return local;
  }

  private static void stop(LocalPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      System.err.println("lowcarb tests: could not stop the test PostgreSQL in " + server.directory() + ": " + e);
    }
  }

  private static synchronized String skip(String why) {
    if (!reported) {
      reported = true;
      System.err.println("lowcarb tests: " + why + ": the PostgreSQL tests are skipped (" + REQUIRE_VARIABLE
          + "=1 makes this a failure)");
    }
    return Assumptions.abort(why);
  }
}
