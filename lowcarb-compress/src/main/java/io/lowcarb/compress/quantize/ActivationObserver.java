package io.lowcarb.compress.quantize;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.lowcarb.train.data.LabeledData;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Observes activations by running the fp32 model on ONNX Runtime with those tensors added as graph
 * outputs, and turns what it saw into ranges.
 */
final class ActivationObserver {
  /** The most values kept per tensor for percentiles; larger tensors are sampled with a stride. */
  private static final int KEPT_VALUES = 1 << 20;

  private static final int BATCH = 64;

  private ActivationObserver() {}

  /**
   * The range of each tensor named in {@code tensors}, observed on {@code sample}.
   *
   * @return ranges by tensor name
   */
  static Map<String, ActivationRange> ranges(ModelProto model, Set<String> tensors, LabeledData sample,
      Calibration calibration, double percentile) {
    GraphProto.Builder graph = model.getGraph().toBuilder();
    Set<String> outputs = new HashSet<>();
    graph.getOutputList().forEach(o -> outputs.add(o.getName()));
    for (String tensor : tensors) {
      if (outputs.add(tensor)) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(tensor).setType(TypeProto.newBuilder().setTensorType(
            TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()))));
      }
    }
    byte[] bytes = model.toBuilder().setGraph(graph).build().toByteArray();

    Map<String, Observed> seen = new LinkedHashMap<>();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int n = sample.exampleSize();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(bytes, options)) {
      String input = session.getInputNames().iterator().next();
      Set<String> wanted = new HashSet<>(tensors);
      for (int start = 0; start < sample.size(); start += BATCH) {
        int size = Math.min(BATCH, sample.size() - start);
        long[] shape = new long[sample.shape().length + 1];
        shape[0] = size;
        System.arraycopy(sample.shape(), 0, shape, 1, sample.shape().length);
        float[] batch = Arrays.copyOfRange(sample.features(), start * n, (start + size) * n);
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
            OrtSession.Result result = session.run(Map.of(input, x), wanted)) {
          for (String tensor : wanted) {
            OnnxValue value = result.get(tensor).orElseThrow();
            FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
            long total = (long) values.remaining() / size * sample.size();
            seen.computeIfAbsent(tensor, t -> new Observed(total)).add(values);
          }
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("calibration failed on ONNX Runtime: " + e.getMessage(), e);
    }
    Map<String, ActivationRange> ranges = new LinkedHashMap<>();
    seen.forEach((tensor, observed) -> ranges.put(tensor, observed.range(calibration, percentile)));
    return ranges;
  }

  /** The values seen of one tensor: the exact min and max, and a strided sample for percentiles. */
  private static final class Observed {
    private final int stride;
    private float[] kept = new float[1024];
    private int count;
    private long position;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    Observed(long total) {
      this.stride = (int) Math.max(1, (total + KEPT_VALUES - 1) / KEPT_VALUES);
    }

    void add(FloatBuffer values) {
      while (values.hasRemaining()) {
        float v = values.get();
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (position++ % stride == 0) {
          if (count == kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
          }
          kept[count++] = v;
        }
      }
    }

    ActivationRange range(Calibration calibration, double percentile) {
      if (calibration == Calibration.MIN_MAX || count == 0) {
        return new ActivationRange(min, max);
      }
      float[] sorted = Arrays.copyOf(kept, count);
      Arrays.sort(sorted);
      int high = (int) Math.min(count - 1, Math.ceil(percentile / 100 * count) - 1);
      int low = (int) Math.max(0, Math.floor((100 - percentile) / 100 * count));
      return new ActivationRange(sorted[Math.min(low, high)], sorted[Math.max(low, high)]);
    }
  }
}
