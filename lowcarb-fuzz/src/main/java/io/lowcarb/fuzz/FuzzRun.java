package io.lowcarb.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Feeds each input of a corpus to a reader, each in a folder of its own, and judges the answer. An
 * input passes when the reader either reads it or throws one of its clear exceptions whose message
 * is one line (naming the file, unless the target is anonymous); and in both cases it left no file
 * beside the input and allocated no more heap than the target allows (claims in a header are
 * checked before allocating). Files the target puts beside the input may stay. Anything else is a failure: another exception, an {@link Error}, a
 * message of several lines, a file left behind, a heap blow-up.
 */
public final class FuzzRun {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private FuzzRun() {}

  /** Runs {@code target} over its {@link Corpus}, in folders under {@code scratch}. */
  public static Outcome run(Target target, Path scratch) {
    return run(target, Corpus.of(target), scratch);
  }

  /** Runs {@code target} over {@code inputs}, in folders under {@code scratch}. */
  public static Outcome run(Target target, List<FuzzInput> inputs, Path scratch) {
    int read = 0;
    int refused = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      FuzzInput input = inputs.get(i);
      Path dir = scratch.resolve(target.name().replaceAll("[^A-Za-z0-9]+", "-") + "-" + i);
      Path file = dir.resolve(target.fileName());
      Verdict v = judge(target, input, dir, file);
      switch (v) {
        case Verdict.Read r -> read++;
        case Verdict.Refused r -> refused++;
        case Verdict.Failed f -> failures.add(input + ": " + f.why());
      }
      delete(dir);
    }
    return new Outcome(target.name(), inputs.size(), read, refused, failures);
  }

  private sealed interface Verdict {
    record Read() implements Verdict {}

    record Refused() implements Verdict {}

    record Failed(String why) implements Verdict {}
  }

  private static Verdict judge(Target target, FuzzInput input, Path dir, Path file) {
    Throwable thrown = null;
    long before;
    long after;
    try {
      Files.createDirectories(dir);
      Files.write(file, input.bytes());
      for (var b : target.besideFiles().entrySet()) {
        Files.write(dir.resolve(b.getKey()), b.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    before = THREADS.getTotalThreadAllocatedBytes();
    try {
      target.read().read(file);
    } catch (Throwable t) { // Errors too: a StackOverflowError or OutOfMemoryError is a failure to report
      thrown = t;
    }
    after = THREADS.getTotalThreadAllocatedBytes();
    long allocated = after - before;
    long bound = target.heapBound(input.bytes().length);
    if (before >= 0 && allocated > bound) {
      return new Verdict.Failed("allocated " + allocated / 1024 + " KiB of heap, over the " + bound / 1024 + " KiB allowed"
          + (thrown == null ? "" : " (then " + thrown.getClass().getSimpleName() + ")"));
    }
    List<String> left = leftBehind(dir, file, target.besideFiles().keySet());
    if (!left.isEmpty()) {
      return new Verdict.Failed("left " + left + " behind");
    }
    return answer(target, thrown);
  }

  /** Whether what the reader threw, if anything, is its clear answer. */
  private static Verdict answer(Target target, Throwable thrown) {
    if (thrown == null) {
      return new Verdict.Read();
    }
    if (target.clear().stream().noneMatch(c -> c.isInstance(thrown))) {
      StackTraceElement[] at = thrown.getStackTrace();
      String first = String.valueOf(thrown.getMessage()).lines().findFirst().orElse("");
      return new Verdict.Failed("threw " + thrown.getClass().getName() + ": " + first + (at.length > 0 ? " at " + at[0] : ""));
    }
    String message = thrown.getMessage();
    if (message == null || message.isBlank()) {
      return new Verdict.Failed(thrown.getClass().getSimpleName() + " without a message");
    }
    if (message.contains("\n") || message.contains("\r")) {
      return new Verdict.Failed("a message of several lines: " + message.replace("\n", "\\n").replace("\r", "\\r"));
    }
    if (target.namesFile() && !message.contains(target.fileName())) {
      return new Verdict.Failed("a message that does not name the file: " + message);
    }
    return new Verdict.Refused();
  }

  private static List<String> leftBehind(Path dir, Path file, java.util.Set<String> beside) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.equals(file) && !beside.contains(p.getFileName().toString())).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
