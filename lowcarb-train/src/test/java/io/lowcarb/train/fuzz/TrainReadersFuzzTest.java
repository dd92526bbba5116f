package io.lowcarb.train.fuzz;

import io.lowcarb.fuzz.FuzzInput;
import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Target;
import io.lowcarb.train.data.CsvDataset;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.IdxFiles;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset and model-spec readers over the bad-input corpus (lowcarb-fuzz) and the seed files in resources/fuzz. */
class TrainReadersFuzzTest {
  private static final Path SEEDS = Path.of("src/test/resources/fuzz");
  private static final String IMAGES = "train-images-idx3-ubyte";
  private static final String LABELS = "train-labels-idx1-ubyte";

  @TempDir Path scratch;

  static byte[] idxLabels(int... labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(0x801).putInt(labels.length);
    for (int y : labels) {
      b.put((byte) y);
    }
    return b.array();
  }

  static byte[] idxImages(int count, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols).putInt(0x803).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count * rows * cols; i++) {
      b.put((byte) (i * 37));
    }
    return b.array();
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static FuzzInput header(String label, int... ints) {
    ByteBuffer b = ByteBuffer.allocate(100); // a 100-byte file, whatever its header claims
    for (int i : ints) {
      b.putInt(i);
    }
    return new FuzzInput(label, b.array());
  }

  @Test
  void idxLabels() {
    Target t = Target.of("IDX labels", LABELS, f -> IdxFiles.read("x", f.resolveSibling(IMAGES), f),
            DatasetFormatException.class)
        .beside(IMAGES, idxImages(3, 4, 5))
        .samples(idxLabels(3, 1, 4), gzip(idxLabels(3, 1, 4)))
        .extra(header("2^31-1 labels claimed on 100 bytes", 0x801, Integer.MAX_VALUE),
            header("60000 labels claimed on 100 bytes", 0x801, 60000),
            new FuzzInput("2^31-1 labels claimed, gzipped", gzip(header("", 0x801, Integer.MAX_VALUE).bytes())))
        .seedFolder(SEEDS.resolve("idx-labels"))
        .heap(8 << 20, 16);
    FuzzRun.run(t, scratch).assertClean();
  }

  @Test
  void idxImages() {
    Target t = Target.of("IDX images", IMAGES, f -> IdxFiles.read("x", f, f.resolveSibling(LABELS)),
            DatasetFormatException.class)
        .beside(LABELS, idxLabels(3, 1, 4))
        .samples(idxImages(3, 4, 5), gzip(idxImages(3, 4, 5)))
        .extra(header("3 images of 28x28 claimed on 100 bytes", 0x803, 3, 28, 28),
            header("3 images of 16384x16384 claimed on 100 bytes", 0x803, 3, 16384, 16384),
            header("3 images of 2^31-1 x 1 claimed on 100 bytes", 0x803, 3, Integer.MAX_VALUE, 1),
            new FuzzInput("3 images of 16384x16384 claimed, gzipped",
                gzip(header("", 0x803, 3, 16384, 16384).bytes())))
        .seedFolder(SEEDS.resolve("idx-images"))
        .heap(8 << 20, 16);
    FuzzRun.run(t, scratch).assertClean();
  }

  @Test
  void csvDatasets() {
    Target t = Target.of("CSV dataset", "data.csv", f -> CsvDataset.read(f, "label"), DatasetFormatException.class)
        .samples(utf8("x1,x2,x3,label\n0.5,1,-2.25,cat\n3,4e-2,5,dog\n6,7,8,cat\n"),
            utf8("label,a,b\n0,1.5,2\n1,\"3\",4\n"))
        .text()
        .seedFolder(SEEDS.resolve("csv"));
    FuzzRun.run(t, scratch).assertClean();
  }

  @Test
  void modelSpecs() {
    Target t = Target.of("model spec JSON", "model.json", ModelSpec::read, SpecException.class)
        .samples(utf8(ModelSpec.cnn(10).toJson()),
            utf8("{\"name\": \"m\", \"layers\": [{\"type\": \"dropout\", \"rate\": 0.25}, {\"type\": \"batchnorm\"},"
                + " {\"type\": \"maxpool\", \"size\": 2}, {\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3, \"padding\": 1}]}"))
        .text()
        .seedFolder(SEEDS.resolve("model-spec"));
    FuzzRun.run(t, scratch).assertClean();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
