package io.lowcarb.compress;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.lowcarb.train.model.LayerSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a checkpoint as an fp32 ONNX model (opset 13) that ONNX Runtime runs without lowcarb:
 * the input standardisation is part of the graph ({@code Sub} the mean, {@code Div} the deviation),
 * dropout is left out (it is the identity at inference), and batch norm uses its running statistics.
 * The input is {@value #INPUT}, {@code [batch, ...example shape]} with a dynamic batch; the output
 * is {@value #OUTPUT}, the unnormalised class scores.
 */
public final class OnnxExport {
  /** The name of the graph's input. */
  public static final String INPUT = "input";

  /** The name of the graph's output. */
  public static final String OUTPUT = "logits";

  /** The ONNX operator set the graph uses. */
  public static final int OPSET = 13;

  /** DJL's batch norm epsilon. */
  private static final float BATCH_NORM_EPSILON = 1e-5f;

  private OnnxExport() {}

  /**
   * Writes {@code checkpoint} to {@code file} as ONNX.
   *
   * @param exampleShape the shape of one example: {@code {channels, height, width}} or {@code {n}}
   */
  public static void write(Checkpoint checkpoint, long[] exampleShape, Path file) throws IOException {
    ModelProto model = model(checkpoint, exampleShape);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  /** The ONNX model of {@code checkpoint} for examples of {@code exampleShape}. */
  public static ModelProto model(Checkpoint checkpoint, long[] exampleShape) {
    GraphProto.Builder graph = GraphProto.newBuilder().setName(checkpoint.spec().name());
    long[] inputShape = new long[exampleShape.length + 1];
    inputShape[0] = -1;
    System.arraycopy(exampleShape, 0, inputShape, 1, exampleShape.length);
    graph.addInput(value(INPUT, inputShape));

    double std = checkpoint.inputStd() > 0 ? checkpoint.inputStd() : 1;
    graph.addInitializer(tensor("input_mean", new Tensor(new long[0], new float[] {(float) checkpoint.inputMean()})));
    graph.addInitializer(tensor("input_std", new Tensor(new long[0], new float[] {(float) std})));
    graph.addNode(node("Sub", "standardise_sub", new String[] {INPUT, "input_mean"}, "centred"));
    graph.addNode(node("Div", "standardise_div", new String[] {"centred", "input_std"}, "standardised"));

    String x = "standardised";
    int rank = inputShape.length;
    long width = exampleShape.length == 1 ? exampleShape[0] : -1;
    var layers = checkpoint.spec().layers();
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      Map<String, Tensor> w = checkpoint.weights().get(i);
      String name = "layer" + i;
      String y = name + "_out";
      switch (layer) {
        case LayerSpec.Dropout d -> {
          continue; // the identity at inference
        }
        case LayerSpec.Flatten f -> {
          graph.addNode(node("Flatten", name, new String[] {x}, y).addAttribute(integer("axis", 1)));
          rank = 2;
          width = -1;
        }
        case LayerSpec.Relu r -> graph.addNode(node("Relu", name, new String[] {x}, y));
        case LayerSpec.Dense d -> {
          Tensor weight = require(w, "weight", i, layer);
          Tensor bias = require(w, "bias", i, layer);
          graph.addInitializer(tensor(name + "_bias", bias));
          if (rank == 2) {
            graph.addInitializer(tensor(name + "_weight", weight));
            graph.addNode(node("Gemm", name, new String[] {x, name + "_weight", name + "_bias"}, y)
                .addAttribute(integer("transB", 1)));
          } else {
            // DJL's Linear acts on the last axis of a higher-rank input: x W^T + b
            graph.addInitializer(tensor(name + "_weight", transposed(weight)));
            graph.addNode(node("MatMul", name + "_matmul", new String[] {x, name + "_weight"}, name + "_product"));
            graph.addNode(node("Add", name, new String[] {name + "_product", name + "_bias"}, y));
          }
          width = d.units();
        }
        case LayerSpec.BatchNorm b -> {
          String[] inputs = {x, name + "_gamma", name + "_beta", name + "_mean", name + "_var"};
          graph.addInitializer(tensor(inputs[1], require(w, "gamma", i, layer)));
          graph.addInitializer(tensor(inputs[2], require(w, "beta", i, layer)));
          graph.addInitializer(tensor(inputs[3], require(w, "runningMean", i, layer)));
          graph.addInitializer(tensor(inputs[4], require(w, "runningVar", i, layer)));
          graph.addNode(node("BatchNormalization", name, inputs, y).addAttribute(
              AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT)
                  .setF(BATCH_NORM_EPSILON)));
        }
        case LayerSpec.Conv2d c -> {
          graph.addInitializer(tensor(name + "_weight", require(w, "weight", i, layer)));
          graph.addInitializer(tensor(name + "_bias", require(w, "bias", i, layer)));
          int k = c.kernel();
          int p = c.padding();
          graph.addNode(node("Conv", name, new String[] {x, name + "_weight", name + "_bias"}, y)
              .addAttribute(ints("kernel_shape", k, k))
              .addAttribute(ints("pads", p, p, p, p))
              .addAttribute(ints("strides", 1, 1)));
        }
        case LayerSpec.MaxPool m -> {
          int s = m.size();
          graph.addNode(node("MaxPool", name, new String[] {x}, y)
              .addAttribute(ints("kernel_shape", s, s))
              .addAttribute(ints("strides", s, s)));
        }
      }
      x = y;
    }
    // The last node writes the output: rename its result.
    graph.addNode(node("Identity", "output", new String[] {x}, OUTPUT));
    graph.addOutput(rank == 2 && width > 0 ? value(OUTPUT, new long[] {-1, width}) : value(OUTPUT, null));

    return ModelProto.newBuilder()
        .setIrVersion(7)
        .setProducerName("lowcarb")
        .setProducerVersion(version())
        .setModelVersion(1)
        .setDocString("lowcarb " + checkpoint.spec().name() + ": inputs are standardised in the graph")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .addMetadataProps(entry("input_mean", Double.toString(checkpoint.inputMean())))
        .addMetadataProps(entry("input_std", Double.toString(std)))
        .addMetadataProps(entry("spec", checkpoint.spec().toJson()))
        .setGraph(graph)
        .build();
  }

  private static Tensor require(Map<String, Tensor> weights, String name, int index, LayerSpec layer) {
    Tensor t = weights.get(name);
    if (t == null) {
      throw new IllegalArgumentException("layer " + index + " (" + layer + ") has no '" + name + "' in the checkpoint");
    }
    return t;
  }

  private static Tensor transposed(Tensor weight) {
    int rows = (int) weight.shape()[0];
    int cols = (int) weight.shape()[1];
    float[] t = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = weight.values()[r * cols + c];
      }
    }
    return new Tensor(new long[] {cols, rows}, t);
  }

  private static NodeProto.Builder node(String op, String name, String[] inputs, String output) {
    return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(Arrays.asList(inputs)).addOutput(output);
  }

  private static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  private static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
    for (long v : values) {
      a.addInts(v);
    }
    return a.setType(AttributeProto.AttributeType.INTS).build();
  }

  private static TensorProto tensor(String name, Tensor t) {
    ByteBuffer bytes = ByteBuffer.allocate(t.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(t.values());
    TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : t.shape()) {
      b.addDims(d);
    }
    return b.build();
  }

  /** A float tensor value; a dimension of -1 is the dynamic batch, a null shape is unknown. */
  private static ValueInfoProto value(String name, long[] shape) {
    TypeProto.Tensor.Builder type = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber());
    if (shape != null) {
      TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
      for (long d : shape) {
        s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
            : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
      }
      type.setShape(s);
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(type)).build();
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  private static String version() {
    String v = OnnxExport.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
