package io.lowcarb.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.lowcarb.compress.prune.CheckpointFiles;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.ModelSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DJL checkpoints are checked against their spec's layout before DJL reads the sizes in them. */
class CheckpointLayoutTest {
  @TempDir Path dir;

  /** A CNN with batch norm and dropout, its weights as DJL initialises them, written as lowcarb does. */
  private Path cnnCheckpoint() throws Exception {
    ModelSpec spec = new ModelSpec("cnn", java.util.List.of(new io.lowcarb.train.model.LayerSpec.Conv2d(4, 3, 1),
        new io.lowcarb.train.model.LayerSpec.BatchNorm(), new io.lowcarb.train.model.LayerSpec.Relu(),
        new io.lowcarb.train.model.LayerSpec.MaxPool(2), new io.lowcarb.train.model.LayerSpec.Flatten(),
        new io.lowcarb.train.model.LayerSpec.Dropout(0.2f), new io.lowcarb.train.model.LayerSpec.Dense(3)));
    try (Model model = Model.newInstance("cnn")) {
      model.setBlock(Blocks.of(spec));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 8, 8));
      return CheckpointFiles.write(Checkpoint.of(spec, model), new long[] {1, 8, 8}, dir.resolve("cnn"), 3);
    }
  }

  @Test
  void aCheckpointLowcarbWroteIsReadBack() throws Exception {
    Path params = cnnCheckpoint();
    Checkpoint c = Checkpoint.read(params);
    assertThat(c.spec().layers()).hasSize(7);
    assertThat(c.params()).isEqualTo(4 * 9 + 4 + 4 * 4 + 3 * 4 * 4 * 4 + 3);
  }

  @Test
  void anArrayClaimingTwoGigabytesIsRefusedBeforeDjlAllocatesIt() throws Exception {
    Path params = cnnCheckpoint();
    byte[] bytes = Files.readAllBytes(params);
    int ndarray = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("NDAR");
    int length = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('<', ndarray) + 1; // after the byte order
    ByteBuffer.wrap(bytes).putInt(length, Integer.MAX_VALUE);
    Files.write(params, bytes);
    assertThatThrownBy(() -> Checkpoint.read(params)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(params + " does not have the layout of a checkpoint of its model.json at byte " + length
            + " (another model, or a damaged file)");
  }

  @Test
  void anInputShapeWhoseWeightsWouldNotFitTheFileIsRefusedBeforeBuildingThem() throws Exception {
    Path params = cnnCheckpoint();
    byte[] bytes = Files.readAllBytes(params);
    int dims = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("data0") + 5;
    ByteBuffer.wrap(bytes).putLong(dims + 4 + 16, 1L << 30); // the third dimension: 8 becomes 2^30
    Files.write(params, bytes);
    assertThatThrownBy(() -> Checkpoint.read(params)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(params + " claims an input of shape (1, 1, 1073741824, 8), for which its model.json has ");
  }

  @Test
  void aShapeOfTwoBillionDimensionsInTheHeaderIsRefused() throws Exception {
    Path params = cnnCheckpoint();
    byte[] bytes = Files.readAllBytes(params);
    int dims = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("data0") + 5;
    ByteBuffer.wrap(bytes).putInt(dims, Integer.MAX_VALUE);
    Files.write(params, bytes);
    assertThatThrownBy(() -> Checkpoint.read(params)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(params + " claims 2147483647 dimensions at byte " + dims + " (at most 32)");
  }
}
