package io.lowcarb.fl.codec;

import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-describing delta payloads over the bad-input corpus (lowcarb-fuzz) and the seed files in resources/fuzz/payload. */
class PayloadFuzzTest {
  private static final int VALUES = 3000;

  @TempDir Path scratch;

  private static float[] delta() {
    Random random = new Random(5);
    float[] d = new float[VALUES];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) random.nextGaussian() * 0.01f;
    }
    return d;
  }

  @Test
  void payloadsOfEveryKind() {
    Target t = Target.of("FL delta payload", "delta.bin", f -> Compression.decode(Files.readAllBytes(f), VALUES),
            IllegalArgumentException.class)
        .samples(new Compression.None().encoder().encode(delta()), new Compression.Int8().encoder().encode(delta()),
            new Compression.TopK(0.01).encoder().encode(delta()), new Compression.TopK(0.5).encoder().encode(delta()))
        .seedFolder(Path.of("src/test/resources/fuzz/payload"))
        .anonymous() // a payload has no file name: the server names the client and round
        .heap(1 << 20, 16);
    FuzzRun.run(t, scratch).assertClean();
  }
}
