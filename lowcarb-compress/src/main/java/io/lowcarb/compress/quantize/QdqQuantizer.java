package io.lowcarb.compress.quantize;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxFormatException;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.train.data.LabeledData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Post-training int8 quantization to an ONNX QDQ model, accuracy-aware in the manner of Intel Neural
 * Compressor: every {@code Gemm}, {@code MatMul} and {@code Conv} is quantized (weights per channel,
 * inputs over ranges calibrated on training examples); when the accuracy on the evaluation set
 * falls more than {@link QuantizeSettings#maxAccuracyDrop()} below fp32, the layers go back to fp32
 * one at a time, the one whose quantization alone costs the most accuracy first, until the loss is
 * within the limit.
 */
public final class QdqQuantizer {
  private QdqQuantizer() {}

  /**
   * Quantizes {@code checkpoint} and writes the QDQ model to {@code file}.
   *
   * @param exampleShape the shape of one example, as for {@link OnnxExport#write}
   * @param calibration training examples, raw (the graph standardises); a sample of {@link
   *     QuantizeSettings#calibrationSamples()} of them is run to observe the activations
   * @param evaluation examples the fp32 and int8 accuracies are measured on
   */
  public static QuantizedModel quantize(Checkpoint checkpoint, long[] exampleShape, LabeledData calibration,
      LabeledData evaluation, QuantizeSettings settings, Path file) throws IOException {
    return quantize(OnnxExport.model(checkpoint, exampleShape), calibration, evaluation, settings, file);
  }

  /** Quantizes the fp32 ONNX model {@code fp32} and writes the QDQ model to {@code file}. */
  public static QuantizedModel quantize(ModelProto fp32, LabeledData calibration, LabeledData evaluation,
      QuantizeSettings settings, Path file) throws IOException {
    List<String> layers = QdqGraph.quantizable(fp32);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("the model has no Gemm, MatMul or Conv with a weight initializer to quantize");
    }
    if (evaluation.size() == 0) {
      throw new IllegalArgumentException("the evaluation set " + evaluation.name() + " is empty");
    }
    LabeledData sample = sample(calibration, settings.calibrationSamples(), settings.seed());
    Map<String, ActivationRange> ranges =
        ActivationObserver.ranges(fp32, QdqGraph.activations(fp32, layers), sample, settings.calibration(), settings.percentile());

    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Evaluator evaluator = new Evaluator(parent, evaluation);
    double fp32Accuracy = evaluator.accuracy(fp32);
    Set<String> quantized = new LinkedHashSet<>(layers);
    ModelProto model = QdqGraph.quantized(fp32, quantized, ranges);
    double accuracy = evaluator.accuracy(model);

    if (fp32Accuracy - accuracy > settings.maxAccuracyDrop()) {
      // Sensitivity: the accuracy lost when each layer alone is quantized.
      Map<String, Double> loss = new HashMap<>();
      for (String layer : layers) {
        loss.put(layer, fp32Accuracy - evaluator.accuracy(QdqGraph.quantized(fp32, Set.of(layer), ranges)));
      }
      List<String> order = new ArrayList<>(layers);
      order.sort(Comparator.comparingDouble((String l) -> loss.get(l)).reversed());
      for (String layer : order) {
        quantized.remove(layer);
        model = QdqGraph.quantized(fp32, quantized, ranges);
        accuracy = evaluator.accuracy(model);
        if (fp32Accuracy - accuracy <= settings.maxAccuracyDrop()) {
          break;
        }
      }
    }

    write(model, file);
    List<String> kept = layers.stream().filter(l -> !quantized.contains(l)).toList();
    return new QuantizedModel(file, accuracy, fp32Accuracy, List.copyOf(quantized), kept, settings.calibration(),
        Files.size(file), fp32.getSerializedSize());
  }

  /** {@code samples} examples of {@code data} picked at random with {@code seed}, or all of them if fewer. */
  static LabeledData sample(LabeledData data, int samples, long seed) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("the calibration set " + data.name() + " is empty");
    }
    if (data.size() <= samples) {
      return data;
    }
    int[] all = new int[data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Random random = new Random(seed);
    for (int i = 0; i < samples; i++) {
      int j = i + random.nextInt(all.length - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return data.select(Arrays.copyOf(all, samples), data.name() + "-calibration");
  }

  private static void write(ModelProto model, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  /** Measures a model's accuracy on ONNX Runtime through a scratch file beside the output. */
  private record Evaluator(Path dir, LabeledData evaluation) {
    double accuracy(ModelProto model) throws IOException {
      Path scratch = Files.createTempFile(dir, "quantize-", ".onnx");
      try {
        write(model, scratch);
        try (OnnxModel onnx = OnnxModel.open(scratch)) {
          return onnx.accuracy(evaluation);
        }
      } catch (OnnxFormatException e) {
        throw new IllegalStateException("the quantized model does not run on ONNX Runtime: " + e.getMessage(), e);
      } finally {
        Files.deleteIfExists(scratch);
      }
    }
  }
}
