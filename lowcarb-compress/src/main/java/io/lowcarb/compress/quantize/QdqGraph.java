package io.lowcarb.compress.quantize;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an fp32 ONNX graph in the QDQ form: each chosen {@code Gemm}, {@code MatMul} or {@code
 * Conv} takes its weight from int8 values through a per-channel {@code DequantizeLinear}
 * (symmetric, scale {@code max|w| / 127} per output channel, zero point 0), and its input through a
 * {@code QuantizeLinear -> DequantizeLinear} pair (asymmetric uint8 over the calibrated range).
 * ONNX Runtime fuses such pairs into int8 kernels where it has them, and runs the rest in fp32.
 */
final class QdqGraph {
  /** The operators whose weights and inputs are quantized. */
  static final Set<String> QUANTIZABLE = Set.of("Gemm", "MatMul", "Conv");

  private QdqGraph() {}

  /** The names of the nodes that can be quantized, in graph order (those with an initializer weight). */
  static List<String> quantizable(ModelProto model) {
    Map<String, TensorProto> initializers = initializers(model.getGraph());
    List<String> names = new ArrayList<>();
    for (NodeProto node : model.getGraph().getNodeList()) {
      if (QUANTIZABLE.contains(node.getOpType()) && node.getInputCount() >= 2
          && initializers.containsKey(node.getInput(1))) {
        names.add(node.getName());
      }
    }
    return names;
  }

  /**
   * The activations to calibrate for the nodes named in {@code layers}: each one's input, and the
   * output of each {@code Conv} (ONNX Runtime fuses a {@code Conv} into an int8 kernel only when its
   * output is quantized too).
   */
  static Set<String> activations(ModelProto model, List<String> layers) {
    Set<String> tensors = new LinkedHashSet<>();
    for (NodeProto node : model.getGraph().getNodeList()) {
      if (layers.contains(node.getName())) {
        tensors.add(node.getInput(0));
        if (node.getOpType().equals("Conv")) {
          tensors.add(node.getOutput(0));
        }
      }
    }
    return tensors;
  }

  /**
   * {@code model} with the nodes named in {@code quantize} in QDQ form. A bias
   * becomes int32 with the scale {@code inputScale * weightScale} of its channel (zero point 0), so
   * that the node fuses into an integer kernel.
   *
   * @param ranges the calibrated range of each tensor of {@link #activations}, by tensor name
   */
  static ModelProto quantized(ModelProto model, Set<String> quantize, Map<String, ActivationRange> ranges) {
    GraphProto graph = model.getGraph();
    Map<String, TensorProto> initializers = initializers(graph);
    GraphProto.Builder out = graph.toBuilder().clearNode().clearInitializer();
    Set<String> replaced = new HashSet<>();
    List<TensorProto> added = new ArrayList<>();
    for (NodeProto node : graph.getNodeList()) {
      if (!quantize.contains(node.getName())) {
        out.addNode(node);
        continue;
      }
      String name = node.getName();
      ActivationRange range = range(ranges, node.getInput(0), name);
      String weightName = node.getInput(1);
      TensorProto weight = initializers.get(weightName);
      int axis = outputAxis(node);
      int channels = (int) weight.getDims(axis);
      float[] values = floats(weight);
      float[] scales = channelScales(values, weight, axis, channels);
      added.add(int8(weightName + "_quantized", quantize(values, weight, axis, scales), weight));
      added.add(floatTensor(weightName + "_scale", scales, channels));
      added.add(int8(weightName + "_zero_point", new byte[channels], channels));
      replaced.add(weightName);
      out.addNode(node("DequantizeLinear", name + "_weight_dequantize",
          List.of(weightName + "_quantized", weightName + "_scale", weightName + "_zero_point"), weightName + "_dequantized")
          .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
              .setI(axis)));

      String x = node.getInput(0);
      added.add(floatTensor(name + "_input_scale", new float[] {range.scale()}, -1));
      added.add(uint8(name + "_input_zero_point", (byte) range.zeroPoint()));
      List<String> qparams = List.of(name + "_input_scale", name + "_input_zero_point");
      out.addNode(node("QuantizeLinear", name + "_input_quantize", concat(x, qparams), name + "_input_quantized"));
      out.addNode(node("DequantizeLinear", name + "_input_dequantize", concat(name + "_input_quantized", qparams),
          name + "_input_dequantized"));
      NodeProto.Builder op = node.toBuilder().setInput(0, name + "_input_dequantized")
          .setInput(1, weightName + "_dequantized");

      // Conv and Gemm fuse into integer kernels only with an int32 bias. Its scale is computed in the
      // graph (ONNX Runtime folds the constant) rather than stored, to keep the file small.
      if (node.getInputCount() > 2 && initializers.containsKey(node.getInput(2))
          && initializers.get(node.getInput(2)).getDimsCount() == 1
          && initializers.get(node.getInput(2)).getDims(0) == channels) {
        String biasName = node.getInput(2);
        float[] bias = floats(initializers.get(biasName));
        float[] biasScales = new float[bias.length];
        int[] biasValues = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
          biasScales[c] = range.scale() * scales[c];
          biasValues[c] = (int) Math.clamp(Math.round((double) bias[c] / biasScales[c]), Integer.MIN_VALUE,
              Integer.MAX_VALUE);
        }
        added.add(int32(biasName + "_quantized", biasValues));
        out.addNode(node("Mul", name + "_bias_scale", List.of(name + "_input_scale", weightName + "_scale"),
            biasName + "_scale"));
        replaced.add(biasName);
        out.addNode(node("DequantizeLinear", name + "_bias_dequantize",
            List.of(biasName + "_quantized", biasName + "_scale"), biasName + "_dequantized")
            .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                .setI(0)));
        op.setInput(2, biasName + "_dequantized");
      }

      if (node.getOpType().equals("Conv")) {
        String y = node.getOutput(0);
        ActivationRange out32 = range(ranges, y, name);
        added.add(floatTensor(name + "_output_scale", new float[] {out32.scale()}, -1));
        added.add(uint8(name + "_output_zero_point", (byte) out32.zeroPoint()));
        List<String> oparams = List.of(name + "_output_scale", name + "_output_zero_point");
        out.addNode(op.setOutput(0, name + "_output_float"));
        out.addNode(node("QuantizeLinear", name + "_output_quantize", concat(name + "_output_float", oparams),
            name + "_output_quantized"));
        out.addNode(node("DequantizeLinear", name + "_output_dequantize", concat(name + "_output_quantized", oparams),
            y));
      } else {
        out.addNode(op);
      }
    }
    for (TensorProto t : graph.getInitializerList()) {
      if (!replaced.contains(t.getName())) {
        out.addInitializer(t);
      }
    }
    out.addAllInitializer(added);
    return model.toBuilder().setGraph(out).build();
  }

  private static ActivationRange range(Map<String, ActivationRange> ranges, String tensor, String node) {
    ActivationRange range = ranges.get(tensor);
    if (range == null) {
      throw new IllegalArgumentException("node " + node + " has no calibrated range for '" + tensor + "'");
    }
    return range;
  }

  /** The axis of a node's weight that holds the output channels. */
  static int outputAxis(NodeProto node) {
    return switch (node.getOpType()) {
      case "Conv" -> 0; // [out, in, kh, kw]
      case "MatMul" -> 1; // [in, out]
      case "Gemm" -> transB(node) ? 0 : 1;
      default -> throw new IllegalArgumentException("cannot quantize a " + node.getOpType() + " node");
    };
  }

  private static boolean transB(NodeProto node) {
    for (AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals("transB")) {
        return a.getI() != 0;
      }
    }
    return false;
  }

  /** {@code max|w| / 127} for each output channel; 1 for a channel of zeros. */
  static float[] channelScales(float[] values, TensorProto weight, int axis, int channels) {
    float[] max = new float[channels];
    for (int i = 0; i < values.length; i++) {
      int c = channel(i, weight, axis);
      max[c] = Math.max(max[c], Math.abs(values[i]));
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = max[c] > 0 ? max[c] / 127f : 1f;
    }
    return scales;
  }

  private static byte[] quantize(float[] values, TensorProto weight, int axis, float[] scales) {
    byte[] q = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      q[i] = (byte) Math.clamp(Math.round(values[i] / scales[channel(i, weight, axis)]), -127, 127);
    }
    return q;
  }

  /** The index along {@code axis} of the {@code i}th value of a row-major tensor. */
  private static int channel(int i, TensorProto t, int axis) {
    long inner = 1;
    for (int d = axis + 1; d < t.getDimsCount(); d++) {
      inner *= t.getDims(d);
    }
    return (int) ((i / inner) % t.getDims(axis));
  }

  static Map<String, TensorProto> initializers(GraphProto graph) {
    Map<String, TensorProto> byName = new HashMap<>();
    for (TensorProto t : graph.getInitializerList()) {
      byName.put(t.getName(), t);
    }
    return byName;
  }

  /** The values of a float initializer, stored raw (little-endian) or as a float list. */
  static float[] floats(TensorProto t) {
    if (t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
      throw new IllegalArgumentException("initializer " + t.getName() + " is not float; it cannot be quantized");
    }
    if (!t.getRawData().isEmpty()) {
      var buffer = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      float[] values = new float[buffer.remaining()];
      buffer.get(values);
      return values;
    }
    float[] values = new float[t.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = t.getFloatData(i);
    }
    return values;
  }

  private static TensorProto int8(String name, byte[] values, TensorProto like) {
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT8.getNumber())
        .addAllDims(like.getDimsList()).setRawData(ByteString.copyFrom(values)).build();
  }

  private static TensorProto int8(String name, byte[] values, int length) {
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT8.getNumber())
        .addDims(length).setRawData(ByteString.copyFrom(values)).build();
  }

  private static TensorProto int32(String name, int[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asIntBuffer().put(values);
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT32.getNumber())
        .addDims(values.length).setRawData(ByteString.copyFrom(bytes.array())).build();
  }

  private static TensorProto uint8(String name, byte value) {
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.UINT8.getNumber())
        .setRawData(ByteString.copyFrom(new byte[] {value})).build();
  }

  /** A float tensor of {@code values}: a vector of {@code length}, or a scalar for a length of -1. */
  private static TensorProto floatTensor(String name, float[] values, int length) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array()));
    if (length >= 0) {
      b.addDims(length);
    }
    return b.build();
  }

  private static NodeProto.Builder node(String op, String name, List<String> inputs, String output) {
    return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
