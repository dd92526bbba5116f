package io.lowcarb.compress.quantize;

import java.nio.file.Path;
import java.util.List;

/**
 * A QDQ model as written, and how it compares with the fp32 model it came from.
 *
 * @param file the ONNX file
 * @param accuracy its accuracy on the evaluation set, 0..1
 * @param fp32Accuracy the fp32 model's accuracy on the same set, 0..1
 * @param quantizedLayers the ONNX nodes whose weights and inputs are int8, in graph order
 * @param fp32Layers the quantizable nodes kept in fp32 by the accuracy fallback, in graph order
 * @param calibration how the activation ranges were chosen
 * @param sizeBytes the size of the file, in bytes
 * @param fp32SizeBytes the size of the fp32 model, in bytes
 */
public record QuantizedModel(Path file, double accuracy, double fp32Accuracy, List<String> quantizedLayers,
    List<String> fp32Layers, Calibration calibration, long sizeBytes, long fp32SizeBytes) {
  public QuantizedModel {
    quantizedLayers = List.copyOf(quantizedLayers);
    fp32Layers = List.copyOf(fp32Layers);
  }

  /** The accuracy lost against fp32, a fraction (negative when quantization helped). */
  public double accuracyDrop() {
    return fp32Accuracy - accuracy;
  }

  /** How many times smaller the file is than the fp32 model. */
  public double compression() {
    return sizeBytes == 0 ? 0 : (double) fp32SizeBytes / sizeBytes;
  }

  /**
   * A variant name for the report: {@code int8} when every layer is quantized, {@code int8-mixed}
   * when some went back to fp32, {@code fp32} when all did.
   */
  public String variantName() {
    if (quantizedLayers.isEmpty()) {
      return "fp32";
    }
    return fp32Layers.isEmpty() ? "int8" : "int8-mixed";
  }
}
