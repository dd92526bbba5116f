package io.lowcarb.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Mutations that know nothing of the format: cuts, flipped bytes, random bytes. */
final class ByteMutations {
  /** Every cut within the first bytes, where headers are; then this many spread over the rest. */
  private static final int HEADER_CUTS = 64;
  private static final int SPREAD_CUTS = 24;
  private static final int FLIPS = 16;

  private ByteMutations() {}

  /** The sample cut at every point of its header and at spread points after: never whole, never empty. */
  static List<FuzzInput> truncations(byte[] sample, String of) {
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int i = 1; i < Math.min(sample.length, HEADER_CUTS); i++) {
      cuts.add(i);
    }
    for (int i = 1; i <= SPREAD_CUTS && sample.length > 1; i++) {
      cuts.add(Math.max(1, (int) ((long) sample.length * i / (SPREAD_CUTS + 1))));
    }
    cuts.add(sample.length - 1);
    cuts.remove(0);
    List<FuzzInput> out = new ArrayList<>();
    for (int cut : cuts) {
      if (cut > 0 && cut < sample.length) {
        out.add(new FuzzInput("truncated at " + cut + " of " + of, Arrays.copyOf(sample, cut)));
      }
    }
    return out;
  }

  /** The sample with one to four bytes set to random values, at random places. */
  static List<FuzzInput> flips(byte[] sample, String of, Random random) {
    List<FuzzInput> out = new ArrayList<>();
    for (int i = 0; i < FLIPS && sample.length > 0; i++) {
      byte[] b = sample.clone();
      int n = 1 + random.nextInt(4);
      StringBuilder where = new StringBuilder();
      for (int j = 0; j < n; j++) {
        // half the flips in the first 64 bytes, where lengths and counts are
        int at = random.nextBoolean() ? random.nextInt(Math.min(64, b.length)) : random.nextInt(b.length);
        b[at] = (byte) random.nextInt(256);
        where.append(j == 0 ? "" : ",").append(at);
      }
      out.add(new FuzzInput("bytes " + where + " of " + of + " changed", b));
    }
    return out;
  }

  /** Random bytes of random lengths up to 4 KiB, and the sample's first 16 bytes followed by random bytes. */
  static List<FuzzInput> random(List<byte[]> samples, Random random, int count) {
    List<FuzzInput> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] b = new byte[1 + random.nextInt(4096)];
      random.nextBytes(b);
      out.add(new FuzzInput("random bytes #" + i, b));
    }
    for (int s = 0; s < samples.size(); s++) {
      byte[] sample = samples.get(s);
      int head = Math.min(16, sample.length);
      byte[] b = new byte[head + 1 + random.nextInt(1024)];
      random.nextBytes(b);
      System.arraycopy(sample, 0, b, 0, head);
      out.add(new FuzzInput("the first " + head + " bytes of sample " + s + ", then random bytes", b));
    }
    return out;
  }
}
