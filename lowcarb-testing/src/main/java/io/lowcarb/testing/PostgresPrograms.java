package io.lowcarb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's three programs that the tests run, {@code initdb}, {@code postgres} and
 * {@code pg_ctl}, from the unpacked binaries and as the server's user. Each runs in the run's
 * directory and writes its output to a log there.
 *
 * @param binaries the unpacked binaries (bin, lib, share)
 * @param user who runs them
 */
record PostgresPrograms(Path binaries, ServerUser user) {
  /** Creates a cluster in {@code data}, owned by {@code role} with {@code password} (scram-sha-256). */
  void initdb(Path directory, Path data, String role, String password) throws IOException, InterruptedException {
    Path secret = directory.resolve("password");
    Files.writeString(secret, password + "\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    user.own(secret);
    Path log = directory.resolve("initdb.log");
    List<String> initdb = List.of(program("initdb"), "-D", data.toString(), "-U", role, "--pwfile=" + secret,
        "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
    Process p = builder(user.command(initdb, false), directory)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    Files.delete(secret);
    if (!done) {
      p.destroyForcibly();
      throw new IOException("initdb did not finish within 120 s:\n" + Files.readString(log));
    }
    if (p.exitValue() != 0) {
      throw new IOException("initdb failed (exit " + p.exitValue() + "):\n" + Files.readString(log));
    }
  }

  /**
   * Starts the server of {@code data} on {@code port} of 127.0.0.1, logging to
   * {@code postgres.log}. It is started from a thread that lives exactly as long as it: the
   * kernel's parent-death signal (see {@link ServerUser}) follows the thread that started a
   * process, not the JVM.
   */
  Process launch(Path directory, Path data, int port) throws IOException {
    List<String> postgres = List.of(program("postgres"), "-D", data.toString(), "-p", Integer.toString(port),
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=",
        // A cluster thrown away after the tests: durability would only cost time.
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "shared_buffers=32MB");
    ProcessBuilder builder = builder(user.command(postgres, true), directory)
        .redirectErrorStream(true).redirectOutput(directory.resolve("postgres.log").toFile());
    CompletableFuture<Process> started = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("lowcarb-test-postgres").start(() -> {
      Process p;
      try {
        p = builder.start();
      } catch (IOException | RuntimeException e) {
        started.completeExceptionally(e);
        return;
      }
      started.complete(p);
      while (p.isAlive()) {
        try {
          p.waitFor();
        } catch (InterruptedException e) {
          // stay: leaving would stop the server
        }
      }
    });
    try {
      return started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /** Asks the server of {@code data} for a fast shutdown (open sessions are ended) and waits up to 30 s. */
  void stop(Path directory, Path data) throws IOException, InterruptedException {
    List<String> stop = List.of(program("pg_ctl"), "stop", "-s", "-D", data.toString(), "-m", "fast", "-w", "-t", "30");
    Process pgCtl = builder(user.command(stop, false), directory)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    pgCtl.waitFor(40, TimeUnit.SECONDS);
  }

  private String program(String name) {
    return binaries.resolve("bin").resolve(name).toString();
  }

  private static ProcessBuilder builder(List<String> command, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    // The user's PGDATA, PGPORT or PGOPTIONS are for their own servers, not this one.
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().put("LC_ALL", "C");
    return builder;
  }
}
