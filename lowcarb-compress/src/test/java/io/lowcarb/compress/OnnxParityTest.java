package io.lowcarb.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.TrainingResult;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models trained on the digits give the same scores on ONNX Runtime as on DJL. */
class OnnxParityTest {
  private static final Split DIGITS = Split.of(Digits.load(), 0.2, 42);

  @TempDir Path dir;

  @Test
  void theMlpRunsOnOnnxRuntimeAsOnDjl() throws Exception {
    assertParity(ModelSpec.mlp(64, 10), 2);
  }

  @Test
  void aCnnWithBatchNormAndDropoutRunsOnOnnxRuntimeAsOnDjl() throws Exception {
    ModelSpec cnn = new ModelSpec("small-cnn", List.of(
        new LayerSpec.Conv2d(8, 3, 1), new LayerSpec.BatchNorm(), new LayerSpec.Relu(), new LayerSpec.MaxPool(2),
        new LayerSpec.Conv2d(16, 3, 0), new LayerSpec.Relu(),
        new LayerSpec.Flatten(), new LayerSpec.Dropout(0.3f), new LayerSpec.Dense(32), new LayerSpec.Relu(),
        new LayerSpec.Dense(10)));
    assertParity(cnn, 1);
  }

  @Test
  void aFileThatIsNotOnnxIsNamedAsSuch() throws Exception {
    Path text = dir.resolve("notes.onnx");
    Files.writeString(text, "these are not the weights you are looking for\n");
    assertThatThrownBy(() -> OnnxModel.open(text))
        .isInstanceOf(OnnxFormatException.class)
        .hasMessageContaining(text + " is not an ONNX model");
    Path empty = dir.resolve("empty.onnx");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> OnnxModel.open(empty)).hasMessageContaining("is not an ONNX model");
  }

  private void assertParity(ModelSpec spec, int epochs) throws Exception {
    Path out = dir.resolve(spec.name());
    TrainSettings settings = new TrainSettings(epochs, 32, 0.003f, 1f, 42, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), 0, false, out, false, Optional.empty(), Set.of(), false);
    TrainingResult trained;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      trained = new GreenTrainer(meter).train(spec, DIGITS, settings, TrainingProgress.NONE);
    }
    Path params = Path.of(trained.checkpoint());
    Checkpoint checkpoint = Checkpoint.read(params);
    Path onnx = dir.resolve(spec.name() + ".onnx");
    OnnxExport.write(checkpoint, DIGITS.test().shape(), onnx);

    LabeledData test = DIGITS.test();
    float[][] expected = djlScores(spec, params, test, checkpoint);
    try (OnnxModel model = OnnxModel.open(onnx)) {
      float[][] actual = model.predict(test.features(), test.size());
      assertThat(actual).hasDimensions(test.size(), 10);
      double worst = 0;
      int agree = 0;
      for (int i = 0; i < test.size(); i++) {
        for (int c = 0; c < 10; c++) {
          worst = Math.max(worst, Math.abs(actual[i][c] - expected[i][c]));
        }
        if (OnnxModel.argMax(actual[i]) == test.labels()[i]) {
          agree++;
        }
      }
      System.out.printf("%s: largest difference ONNX Runtime vs DJL %.3g over %d x 10 scores%n", spec.name(), worst,
          test.size());
      assertThat(worst).isLessThan(1e-4);
      double accuracy = model.accuracy(test);
      assertThat(accuracy).isEqualTo((double) agree / test.size()).isEqualTo(trained.accuracy());
      assertThat(model.params()).isEqualTo(checkpoint.params());
      assertThat(model.sizeBytes()).isEqualTo(Files.size(onnx));
      // One example at a time gives the same scores as the batch: the batch dimension is dynamic.
      assertThat(model.predict(new float[][] {java.util.Arrays.copyOf(test.features(), test.exampleSize())})[0])
          .containsExactly(actual[0], org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  /** DJL's scores for the test part, standardised as the trainer does. */
  private static float[][] djlScores(ModelSpec spec, Path params, LabeledData test, Checkpoint checkpoint)
      throws Exception {
    LabeledData standardised = test.standardised(checkpoint.inputMean(), checkpoint.inputStd());
    try (Model model = Model.newInstance(spec.name()); NDManager manager = NDManager.newBaseManager()) {
      model.setBlock(Blocks.of(spec));
      String epoch = params.getFileName().toString().replaceAll("\\D", "");
      model.load(params.getParent(), "model", Map.of("epoch", Integer.toString(Integer.parseInt(epoch))));
      long[] shape = {test.size(), 1, 8, 8};
      var x = manager.create(standardised.features(), new Shape(shape));
      var scores = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
      float[] flat = scores.toFloatArray();
      float[][] rows = new float[test.size()][10];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(flat, i * 10, rows[i], 0, 10);
      }
      return rows;
    }
  }
}
