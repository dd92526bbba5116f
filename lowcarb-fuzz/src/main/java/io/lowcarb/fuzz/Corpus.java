package io.lowcarb.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The inputs a reader is tried on, made the same way on every run (a fixed seed): the empty file,
 * each valid sample whole, cut at many points and with bytes changed, random bytes, and for text
 * formats numbers replaced by NaN, Infinity and numbers too large, other encodings and deep nesting;
 * then the inputs a reader adds itself (header claims) and the hand-made files of a seed folder.
 */
public final class Corpus {
  private static final long SEED = 20_260_501L;
  private static final int RANDOM_FILES = 16;

  private Corpus() {}

  /** The corpus of {@code target}. */
  public static List<FuzzInput> of(Target target) {
    Random random = new Random(SEED ^ target.name().hashCode());
    List<FuzzInput> out = new ArrayList<>();
    out.add(new FuzzInput("empty", new byte[0]));
    List<byte[]> samples = target.samples();
    for (int s = 0; s < samples.size(); s++) {
      byte[] sample = samples.get(s);
      String of = "sample " + s;
      out.add(new FuzzInput(of + " whole", sample));
      out.addAll(ByteMutations.truncations(sample, of));
      out.addAll(ByteMutations.flips(sample, of, random));
      if (target.isText()) {
        String text = new String(sample, StandardCharsets.UTF_8);
        out.addAll(TextMutations.numbers(text, of));
        out.addAll(TextMutations.encodings(text, of));
        if (s == 0) {
          out.addAll(TextMutations.shapes(text, of));
        }
      }
    }
    out.addAll(ByteMutations.random(samples, random, RANDOM_FILES));
    out.addAll(target.extra());
    target.seedFolder().ifPresent(dir -> out.addAll(folder(dir)));
    return out;
  }

  /** The files of a folder, by name; none when it does not exist. */
  public static List<FuzzInput> folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().map(f -> {
        try {
          return new FuzzInput("seed file " + f.getFileName(), Files.readAllBytes(f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
