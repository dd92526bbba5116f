package io.lowcarb.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of this JVM's own: a fresh cluster in a temporary directory, listening on
 * a free port of 127.0.0.1 and on no Unix socket, with one role, {@code lowcarb}, whose password
 * is drawn at random. The directory holds a lock for as long as the server is this JVM's; a
 * directory whose lock nobody holds was left by a JVM that was killed, and the next start
 * deletes it.
 */
final class LocalPostgres implements AutoCloseable {
  static final String ROLE = "lowcarb";
  private static final String PREFIX = "lowcarb-test-postgres-";
  private static final Duration READY = Duration.ofSeconds(60);
  private static final int PORT_TRIES = 5;

  private final Path directory;
  private final PostgresPrograms programs;
  private final Process server;
  private final int port;
  private final String password;
  private final FileChannel lock;

  private LocalPostgres(Path directory, PostgresPrograms programs, Process server, int port, String password,
      FileChannel lock) {
    this.directory = directory;
    this.programs = programs;
    this.server = server;
    this.port = port;
    this.password = password;
    this.lock = lock;
  }

  /**
   * Creates a cluster in a new directory under {@code runs} with the binaries at {@code binaries}
   * (bin, lib, share), and starts it; returns once it accepts connections.
   */
  static LocalPostgres start(Path binaries, Path runs, ServerUser user) throws IOException, InterruptedException {
    sweep(runs);
    Path directory = Files.createTempDirectory(runs, PREFIX);
    FileChannel lock = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock.lock();
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
      user.reach(binaries.resolve("bin"));
      user.reach(directory);
      Path data = directory.resolve("data");
      Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      user.own(data);
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      PostgresPrograms programs = new PostgresPrograms(binaries, user);
      programs.initdb(directory, data, ROLE, password);
      for (int attempt = 1; ; attempt++) {
        int port = freePort();
        Process server = programs.launch(directory, data, port);
        if (awaitReady(server, url(port, password))) {
          return new LocalPostgres(directory, programs, server, port, password, lock);
        }
        String log = Files.readString(directory.resolve("postgres.log"));
        if (server.isAlive()) {
          server.destroyForcibly().waitFor();
          throw new IOException("PostgreSQL did not accept connections within " + READY.toSeconds() + " s:\n" + log);
        }
        // Between freePort and the server's bind another process may take the port: draw again.
        if (attempt == PORT_TRIES || !log.contains("could not bind")) {
          throw new IOException("PostgreSQL stopped as it started (exit " + server.exitValue() + "):\n" + log);
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      lock.close();
      DirectoryTree.delete(directory);
      throw e;
    }
  }

  /** The JDBC URL, with role and password. */
  String url() {
    return url(port, password);
  }

  /** The postmaster, the process that was started. */
  ProcessHandle process() {
    return server.toHandle();
  }

  /** The directory of this run: the cluster, its log and the lock. */
  Path directory() {
    return directory;
  }

  /** Stops the server (fast shutdown: open sessions are ended) and deletes its directory. */
  @Override
  public void close() throws IOException {
    try {
      stop();
      DirectoryTree.delete(directory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroyForcibly();
      throw new IOException("interrupted while stopping the server in " + directory, e);
    } finally {
      lock.close();
    }
  }

  private void stop() throws IOException, InterruptedException {
    if (!server.isAlive()) {
      return;
    }
    programs.stop(directory, directory.resolve("data"));
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  private static String url(int port, String password) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + ROLE + "&password=" + password;
  }

  private static boolean awaitReady(Process server, String url) throws InterruptedException {
    Instant deadline = Instant.now().plus(READY);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        return false;
      }
      try {
        DriverManager.getConnection(url).close();
        return true;
      } catch (SQLException notYet) {
        server.waitFor(50, TimeUnit.MILLISECONDS); // returns at once should the server stop
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** Deletes the run directories under {@code runs} that a killed JVM left: their lock is free. */
  static void sweep(Path runs) throws IOException {
    List<Path> left = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs, PREFIX + "*")) {
      for (Path dir : dirs) {
        Path lockFile = dir.resolve("lock");
        // A lock younger than a minute may be one that its JVM is about to take.
        if (!Files.isRegularFile(lockFile) || !Files.isWritable(lockFile)
            || Files.getLastModifiedTime(lockFile).toInstant().isAfter(Instant.now().minus(Duration.ofMinutes(1)))) {
          continue;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock free = channel.tryLock()) {
          if (free != null) {
            left.add(dir);
          }
        } catch (OverlappingFileLockException | IOException ours) {
          // held by this JVM, or gone meanwhile
        }
      }
    }
    for (Path dir : left) {
      DirectoryTree.delete(dir);
    }
  }
}
