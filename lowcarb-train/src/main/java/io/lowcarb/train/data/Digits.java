package io.lowcarb.train.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The 8x8 digits set shipped with lowcarb (1,797 examples, 10 classes; UCI, CC BY 4.0; see
 * {@code DIGITS.md} beside it). Pixels 0..16 are scaled to 0..1.
 */
public final class Digits {
  private static final String RESOURCE = "/io/lowcarb/train/data/digits.csv.gz";

  private Digits() {}

  /** The whole set, as {@code {1, 8, 8}} images. */
  public static LabeledData load() {
    try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
      float[] features = new float[1797 * 64];
      int[] labels = new int[1797];
      int n = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        String[] f = line.split(",");
        for (int i = 0; i < 64; i++) {
          features[n * 64 + i] = Float.parseFloat(f[i]) / 16f;
        }
        labels[n++] = Integer.parseInt(f[64].trim());
      }
      return new LabeledData("digits", features, labels, new long[] {1, 8, 8}, 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
