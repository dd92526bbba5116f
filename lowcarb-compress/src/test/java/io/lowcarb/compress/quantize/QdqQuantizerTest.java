package io.lowcarb.compress.quantize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.TrainingResult;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MLP trained on the digits, quantized to int8 QDQ and run on ONNX Runtime. */
class QdqQuantizerTest {
  private static final Split DIGITS = Split.of(Digits.load(), 0.2, 42);

  @TempDir static Path dir;

  private static Checkpoint checkpoint;

  @BeforeAll
  static void train() throws Exception {
    ModelSpec spec = ModelSpec.mlp(128, 10);
    TrainSettings settings = new TrainSettings(3, 32, 0.003f, 1f, 42, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), 0, false, dir.resolve("train"), false, Optional.empty(), Set.of(), false);
    TrainingResult trained;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      trained = new GreenTrainer(meter).train(spec, DIGITS, settings, TrainingProgress.NONE);
    }
    checkpoint = Checkpoint.read(Path.of(trained.checkpoint()));
  }

  @Test
  void theInt8MlpRunsOnOnnxRuntimeWithinOnePointOfFp32AndIsAThirdTheSize() throws Exception {
    Path file = dir.resolve("mlp-int8.onnx");
    QuantizedModel q = QdqQuantizer.quantize(checkpoint, DIGITS.test().shape(), DIGITS.train(), DIGITS.test(),
        QuantizeSettings.defaults(), file);
    Path fp32 = dir.resolve("mlp.onnx");
    OnnxExport.write(checkpoint, DIGITS.test().shape(), fp32);
    System.out.printf("mlp min-max: fp32 %.4f int8 %.4f, %d -> %d bytes (%.2fx), int8 %s, fp32 %s%n", q.fp32Accuracy(),
        q.accuracy(), q.fp32SizeBytes(), q.sizeBytes(), q.compression(), q.quantizedLayers(), q.fp32Layers());

    assertThat(q.fp32Layers()).isEmpty();
    assertThat(q.quantizedLayers()).hasSize(2);
    assertThat(q.accuracyDrop()).isLessThanOrEqualTo(0.01);
    assertThat(q.sizeBytes()).isEqualTo(Files.size(file));
    assertThat(q.fp32SizeBytes()).isEqualTo(Files.size(fp32));
    // The weights are 4x smaller; the per-channel scales, int32 biases and the fixed metadata (about
    // 1 KB of spec and graph) leave this 38 KB MLP just under 3x.
    assertThat(q.compression()).isGreaterThan(2.9);
    try (OnnxModel model = OnnxModel.open(file)) {
      assertThat(model.accuracy(DIGITS.test())).isEqualTo(q.accuracy());
      // As many weights as fp32: int8 weights and int32 biases count, scales and zero points do not.
      assertThat(model.params()).isEqualTo(checkpoint.params());
      assertThat(model.predict(java.util.Arrays.copyOf(DIGITS.test().features(), 5 * 64), 5)).hasDimensions(5, 10);
    }
  }

  @Test
  void weightsAreInt8WithOneScalePerOutputChannel() throws Exception {
    Path file = dir.resolve("mlp-channels.onnx");
    QdqQuantizer.quantize(checkpoint, DIGITS.test().shape(), DIGITS.train(), DIGITS.test(),
        QuantizeSettings.defaults().withCalibrationSamples(64), file);
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
    var initializers = QdqGraph.initializers(model.getGraph());
    TensorProto weight = initializers.get("layer1_weight_quantized");
    assertThat(weight).as("the first dense layer's int8 weight; initializers: %s", initializers.keySet()).isNotNull();
    assertThat(weight.getDataType()).isEqualTo(TensorProto.DataType.INT8.getNumber());
    assertThat(weight.getDimsList()).containsExactly(128L, 64L);
    assertThat(initializers.get("layer1_weight_scale").getDimsList()).containsExactly(128L);
    assertThat(initializers).doesNotContainKey("layer1_weight");
    List<String> ops = new ArrayList<>();
    model.getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
    assertThat(ops).contains("QuantizeLinear", "DequantizeLinear", "Gemm");
  }

  @Test
  void onnxRuntimeFusesTheQdqGemmsIntoIntegerKernels() throws Exception {
    Path file = dir.resolve("mlp-fused.onnx");
    QdqQuantizer.quantize(checkpoint, DIGITS.test().shape(), DIGITS.train(), DIGITS.test(),
        QuantizeSettings.defaults().withCalibrationSamples(64), file);
    Path optimized = dir.resolve("mlp-fused-optimized.onnx");
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizedModelFilePath(optimized.toString());
      OrtEnvironment.getEnvironment().createSession(file.toString(), options).close();
    }
    List<String> ops = new ArrayList<>();
    ModelProto.parseFrom(Files.readAllBytes(optimized)).getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
    assertThat(ops).as("the optimized graph").contains("QGemm").doesNotContain("Gemm");
  }

  @Test
  void percentileCalibrationStaysWithinOnePoint() throws Exception {
    QuantizedModel q = QdqQuantizer.quantize(checkpoint, DIGITS.test().shape(), DIGITS.train(), DIGITS.test(),
        QuantizeSettings.defaults().withPercentile(99.99), dir.resolve("mlp-percentile.onnx"));
    System.out.printf("mlp percentile 99.99: fp32 %.4f int8 %.4f, fp32 layers %s%n", q.fp32Accuracy(), q.accuracy(),
        q.fp32Layers());
    assertThat(q.calibration()).isEqualTo(Calibration.PERCENTILE);
    assertThat(q.accuracyDrop()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void aDropOverTheLimitSendsLayersBackToFp32UntilWithinIt() throws Exception {
    // One example and the 90th percentile clip many activations: int8 loses accuracy, and no loss
    // at all is accepted. (On this MLP the output layer goes back to fp32 and the hidden one stays
    // int8 at fp32's accuracy.)
    QuantizeSettings harsh = new QuantizeSettings(1, Calibration.PERCENTILE, 90, 0.0, 7);
    QuantizedModel q = QdqQuantizer.quantize(checkpoint, DIGITS.test().shape(), DIGITS.train(), DIGITS.test(), harsh,
        dir.resolve("mlp-fallback.onnx"));
    System.out.printf("mlp fallback: fp32 %.4f int8 %.4f, int8 %s, fp32 %s%n", q.fp32Accuracy(), q.accuracy(),
        q.quantizedLayers(), q.fp32Layers());
    assertThat(q.fp32Layers()).isNotEmpty();
    assertThat(q.variantName()).isEqualTo("int8-mixed");
    assertThat(q.accuracyDrop()).isLessThanOrEqualTo(0.0);
    List<String> all = new ArrayList<>(q.quantizedLayers());
    all.addAll(q.fp32Layers());
    assertThat(all).containsExactlyInAnyOrder("layer1", "layer3");
    try (OnnxModel model = OnnxModel.open(q.file())) {
      assertThat(model.accuracy(DIGITS.test())).isEqualTo(q.accuracy());
    }
  }
}
