package io.lowcarb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers of the tests' own, each in a directory under a temporary one (not the shared server). */
class LocalPostgresTest {
  static Path binaries;
  static ServerUser user;
  @TempDir Path runs;

  @BeforeAll
  static void unpack() throws Exception {
    user = ServerUser.forThisJvm();
    binaries = PostgresBinaries.unpacked(PostgresBinaries.defaultCache(user));
  }

  @BeforeEach
  void openToTheServersUser() throws Exception {
    Files.setPosixFilePermissions(runs, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aClusterListensOnLoopbackOnlyWithARandomPasswordAndGoesOnClose() throws Exception {
    LocalPostgres server = LocalPostgres.start(binaries, runs, user);
    Connection open;
    try {
      assertThat(server.url()).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/postgres\\?user=lowcarb&password=[0-9a-f]{32}");
      open = DriverManager.getConnection(server.url());
      try (Statement s = open.createStatement()) {
        assertThat(one(s, "select current_user")).isEqualTo("lowcarb");
        assertThat(one(s, "show listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(one(s, "show unix_socket_directories")).isEmpty();
        assertThat(one(s, "show server_encoding")).isEqualTo("UTF8");
      }
      String wrong = server.url().replaceAll("password=[0-9a-f]+", "password=guess");
      assertThatThrownBy(() -> DriverManager.getConnection(wrong).close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      if (user.switched()) { // the JVM is root: PostgreSQL refuses that and runs as nobody
        assertThat(server.process().info().user()).contains("nobody");
      }
    } finally {
      server.close();
    }

    assertThat(server.process().isAlive()).isFalse();
    assertThat(server.directory()).doesNotExist();
    assertThat(open.isValid(5)).as("a session still open: fast shutdown ends it").isFalse();
  }

  @Test
  void aServerWhoseJvmIsKilledStopsAndItsDirectoryIsSweptLater() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LocalPostgresProcess.class.getName(), runs.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(line).as("the child's report").startsWith("serving ");
    String[] fields = line.split(" ");
    ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(fields[1])).orElseThrow();
    Path directory = Path.of(fields[2]);

    child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs

    assertThat(postmaster.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(directory).exists();
    Files.setLastModifiedTime(directory.resolve("lock"), FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
    LocalPostgres.sweep(runs); // as the next start does
    assertThat(directory).doesNotExist();
  }

  @Test
  void theSweepKeepsDirectoriesThatAreHeldOrNew() throws Exception {
    Path held = run("lowcarb-test-postgres-held", Duration.ofMinutes(5));
    Path fresh = run("lowcarb-test-postgres-fresh", Duration.ZERO);
    Path left = run("lowcarb-test-postgres-left", Duration.ofMinutes(5));
    Path other = run("something-else", Duration.ofMinutes(5));
    try (FileChannel channel = FileChannel.open(held.resolve("lock"), StandardOpenOption.WRITE)) {
      channel.lock();

      LocalPostgres.sweep(runs);
    }

    assertThat(List.of(held, fresh, other)).allSatisfy(p -> assertThat(p).exists());
    assertThat(left).doesNotExist();
  }

  private Path run(String name, Duration age) throws Exception {
    Path dir = Files.createDirectories(runs.resolve(name).resolve("data"));
    Path lock = Files.createFile(dir.getParent().resolve("lock"));
    Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(age)));
    return dir.getParent();
  }

  private static String one(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
