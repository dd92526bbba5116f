package io.lowcarb.fl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CompressionTest {
  private static float[] gaussian(int n, long seed, double std) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * std);
    }
    return v;
  }

  @Test
  void noneIsExact() {
    float[] d = gaussian(100, 1, 1);
    byte[] payload = new Compression.None().encoder().encode(d);
    assertThat(payload).hasSize(5 + 400);
    assertThat(Compression.decode(payload, 100)).containsExactly(d);
  }

  @Property(tries = 50)
  void int8IsWithinHalfAScaleOfEveryValue(@ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    float[] d = gaussian(n, seed, 0.01 + seed);
    float[] back = Compression.decode(new Compression.Int8().encoder().encode(d), n);
    int chunk = Compression.Int8.CHUNK;
    for (int c = 0; c * chunk < n; c++) {
      float max = 0;
      for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
        max = Math.max(max, Math.abs(d[i]));
      }
      float scale = max / 127;
      for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
        assertThat(Math.abs(back[i] - d[i])).isLessThanOrEqualTo(scale / 2 * 1.0001f + 1e-12f);
      }
    }
  }

  @Test
  void int8SendsAboutOneByteAValue() {
    assertThat(new Compression.Int8().encoder().encode(new float[10_000])).hasSizeLessThan(10_000 + 64);
    assertThat(Compression.decode(new Compression.Int8().encoder().encode(new float[3]), 3)).containsExactly(0, 0, 0);
  }

  @Test
  void topKKeepsExactlyKValuesTheLargest() {
    float[] d = gaussian(1000, 2, 1);
    float[] back = Compression.decode(new Compression.TopK(0.05).encoder().encode(d), 1000);
    int kept = 0;
    float smallestKept = Float.MAX_VALUE;
    float largestDropped = 0;
    for (int i = 0; i < d.length; i++) {
      if (back[i] != 0) {
        kept++;
        assertThat(back[i]).isEqualTo(d[i]);
        smallestKept = Math.min(smallestKept, Math.abs(d[i]));
      } else {
        largestDropped = Math.max(largestDropped, Math.abs(d[i]));
      }
    }
    assertThat(kept).isEqualTo(50);
    assertThat(smallestKept).isGreaterThanOrEqualTo(largestDropped);
  }

  @Test
  void topKPicksTheSmallerOfIndicesAndBitmap() {
    // 1% of 10,000: 100 int32 indices (400 bytes) beat a 1,250-byte bitmap; 20%: the bitmap wins
    assertThat(new Compression.TopK(0.01).encoder().encode(gaussian(10_000, 3, 1))).hasSize(5 + 5 + 400 + 400);
    assertThat(new Compression.TopK(0.2).encoder().encode(gaussian(10_000, 3, 1))).hasSize(5 + 5 + 1250 + 8000);
    float[] d = gaussian(10_000, 4, 1);
    float[] sparse = Compression.decode(new Compression.TopK(0.01).encoder().encode(d), 10_000);
    float[] dense = Compression.decode(new Compression.TopK(0.2).encoder().encode(d), 10_000);
    for (int i = 0; i < d.length; i++) {
      if (sparse[i] != 0) {
        assertThat(dense[i]).isEqualTo(d[i]);
      }
    }
  }

  /** Error feedback: what is left out is sent later, so the decoded deltas add up to the true ones. */
  @Test
  void errorFeedbackMakesTheSumOfDecodedDeltasConverge() {
    DeltaEncoder encoder = new Compression.TopK(0.1).encoder();
    int n = 500;
    double[] trueSum = new double[n];
    double[] sentSum = new double[n];
    double[] gaps = new double[3];
    for (int round = 1; round <= 60; round++) {
      float[] d = round <= 30 ? gaussian(n, round, 1) : new float[n];
      float[] back = Compression.decode(encoder.encode(d), n);
      for (int i = 0; i < n; i++) {
        trueSum[i] += d[i];
        sentSum[i] += back[i];
      }
      if (round == 1 || round == 30 || round == 60) {
        double gap = 0;
        for (int i = 0; i < n; i++) {
          gap = Math.max(gap, Math.abs(trueSum[i] - sentSum[i]));
        }
        gaps[round == 1 ? 0 : round == 30 ? 1 : 2] = gap;
      }
    }
    // during the rounds the gap stays bounded (it does not grow with them); once the deltas stop, it closes
    assertThat(gaps[1]).isLessThan(5 * gaps[0] + 1);
    assertThat(gaps[2]).isLessThan(1e-4);
  }

  @Test
  void payloadsDescribeThemselvesAndBadOnesAreRefused() {
    float[] d = gaussian(64, 5, 1);
    for (Compression c : new Compression[] {new Compression.None(), new Compression.Int8(), new Compression.TopK(0.5)}) {
      byte[] payload = c.encoder().encode(d);
      assertThat(payload[0]).isEqualTo((byte) (c instanceof Compression.None ? 0 : c instanceof Compression.Int8 ? 1 : 2));
      assertThat(Compression.decode(payload, 64)).hasSize(64);
      assertThatThrownBy(() -> Compression.decode(payload, 65)).hasMessageContaining("holds 64 values, expected 65");
      assertThatThrownBy(() -> Compression.decode(java.util.Arrays.copyOf(payload, payload.length - 1), 64))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Compression.decode(new byte[] {9, 0, 0, 0, 1}, 1)).hasMessageContaining("unknown payload kind 9");
    byte[] badIndex = java.nio.ByteBuffer.allocate(18).put((byte) 2).putInt(4).putInt(1).put((byte) 0).putInt(7)
        .putFloat(1f).array();
    assertThatThrownBy(() -> Compression.decode(badIndex, 4)).hasMessageContaining("position 7 out of order or range");
  }

  @Test
  void parsesItsSpecs() {
    assertThat(Compression.parse("none").label()).isEqualTo("none");
    assertThat(Compression.parse("int8").label()).isEqualTo("int8");
    assertThat(Compression.parse("topk:0.01")).isEqualTo(new Compression.TopK(0.01));
    assertThatThrownBy(() -> Compression.parse("zip")).hasMessageContaining("unknown compression 'zip'")
        .hasMessageContaining("none, int8 or topk:FRACTION");
    assertThatThrownBy(() -> Compression.parse("topk:2")).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> Compression.parse("topk:a")).hasMessageContaining("'a' is not a number");
  }
}
