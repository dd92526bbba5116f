package io.lowcarb.compress.prune;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.Blocks;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Puts a checkpoint's weights into a DJL model, and writes it as {@code GreenTrainer} does. */
public final class CheckpointFiles {
  private CheckpointFiles() {}

  /**
   * Gives {@code model} the block of {@code checkpoint}'s spec with its weights and input
   * standardisation.
   *
   * @param exampleShape the shape of one example, e.g. {@code {1, 8, 8}}
   */
  public static void load(Checkpoint checkpoint, long[] exampleShape, Model model) {
    Block block = Blocks.of(checkpoint.spec());
    model.setBlock(block);
    long[] input = new long[exampleShape.length + 1];
    input[0] = 1;
    System.arraycopy(exampleShape, 0, input, 1, exampleShape.length);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(input));
    var children = block.getChildren();
    for (int i = 0; i < children.size(); i++) {
      var layer = children.get(i);
      for (var p : layer.getValue().getParameters()) {
        Tensor t = checkpoint.weights().get(i).get(p.getKey());
        Parameter parameter = p.getValue();
        if (t == null || !Arrays.equals(t.shape(), parameter.getArray().getShape().getShape())) {
          throw new IllegalArgumentException("layer " + i + " of " + checkpoint.spec().name() + ": no " + p.getKey()
              + " of shape " + parameter.getArray().getShape());
        }
        parameter.getArray().set(FloatBuffer.wrap(t.values()));
      }
    }
    model.setProperty("InputMean", Double.toString(checkpoint.inputMean()));
    model.setProperty("InputStd", Double.toString(checkpoint.inputStd()));
  }

  /**
   * Writes {@code checkpoint} to {@code DIR/model.json} and {@code DIR/model-000N.params}.
   *
   * @return the params file
   */
  public static Path write(Checkpoint checkpoint, long[] exampleShape, Path dir, int epoch) throws IOException {
    try (Model model = Model.newInstance(checkpoint.spec().name())) {
      load(checkpoint, exampleShape, model);
      return save(model, checkpoint, dir, epoch);
    }
  }

  /** Saves a loaded model of {@code checkpoint}'s spec as epoch {@code epoch}. */
  static Path save(Model model, Checkpoint checkpoint, Path dir, int epoch) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("model.json"), checkpoint.spec().toJson());
    model.setProperty("Epoch", Integer.toString(epoch));
    model.setProperty("InputMean", Double.toString(checkpoint.inputMean()));
    model.setProperty("InputStd", Double.toString(checkpoint.inputStd()));
    model.save(dir, "model");
    return dir.resolve(String.format("model-%04d.params", epoch));
  }
}
