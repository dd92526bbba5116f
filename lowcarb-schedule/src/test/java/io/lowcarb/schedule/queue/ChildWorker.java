package io.lowcarb.schedule.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link QueueWorkerProcess} started from a test: a second JVM serving the same queue. */
final class ChildWorker implements AutoCloseable {
  private final Process process;
  private final Path errors;
  private final String name;

  private ChildWorker(Process process, Path errors, String name) {
    this.process = process;
    this.errors = errors;
    this.name = name;
  }

  /** Starts one and waits until it serves. */
  static ChildWorker start(String url, Path directory, int threads) throws IOException, InterruptedException {
    Path errors = Files.createTempFile(directory, "worker-", ".err");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            QueueWorkerProcess.class.getName(),
            url,
            directory.resolve("logs").toString(),
            Integer.toString(threads));
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    CompletableFuture<String> serving =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("serving ")) {
                    return line.substring("serving ".length());
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String name;
    try {
      name = serving.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      name = null;
    }
    if (name == null) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the child worker did not start:\n" + Files.readString(errors));
    }
    return new ChildWorker(process, errors, name);
  }

  String name() {
    return name;
  }

  /** SIGKILL: no chance to clean up. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops it as a user would, by ending its input. */
  @Override
  public void close() throws IOException {
    if (!process.isAlive()) {
      return;
    }
    process.getOutputStream().close();
    boolean stopped;
    try {
      stopped = process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = false;
    }
    if (!stopped) {
      process.destroyForcibly();
      throw new AssertionError("the child worker did not stop:\n" + Files.readString(errors));
    }
  }

  String errors() throws IOException {
    return Files.readString(errors);
  }
}
