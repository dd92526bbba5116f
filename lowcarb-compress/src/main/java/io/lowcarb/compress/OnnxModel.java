package io.lowcarb.compress;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import io.lowcarb.train.data.LabeledData;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX model file run on ONNX Runtime (CPU, one session). It takes one float input of {@code
 * [batch, ...example shape]} and gives the class scores, {@code [batch, classes]}.
 */
public final class OnnxModel implements AutoCloseable {
  /** Initializers that belong to the input standardisation, not to the network. */
  private static final Set<String> STANDARDISATION = Set.of("input_mean", "input_std");

  private final Path file;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;
  private final long[] exampleShape;
  private final long params;
  private final long nonzeroParams;
  private final long sizeBytes;

  private OnnxModel(Path file, OrtEnvironment env, OrtSession session, String input, long[] exampleShape, long params,
      long nonzeroParams, long sizeBytes) {
    this.file = file;
    this.env = env;
    this.session = session;
    this.input = input;
    this.exampleShape = exampleShape;
    this.params = params;
    this.nonzeroParams = nonzeroParams;
    this.sizeBytes = sizeBytes;
  }

  /**
   * Opens {@code file} in ONNX Runtime with its default CPU settings.
   *
   * @throws OnnxFormatException when the file is not ONNX, or uses what ONNX Runtime cannot run
   */
  public static OnnxModel open(Path file) throws IOException, OnnxFormatException {
    byte[] bytes = Files.readAllBytes(file);
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxFormatException(file + " is not an ONNX model: it does not parse as one");
    }
    if (!proto.hasGraph() || proto.getGraph().getNodeCount() == 0 || proto.getOpsetImportCount() == 0) {
      throw new OnnxFormatException(file + " is not an ONNX model: it holds no graph");
    }
    // In a QDQ model the scales and zero points of (De)QuantizeLinear are not weights.
    Set<String> quantization = new java.util.HashSet<>();
    for (var node : proto.getGraph().getNodeList()) {
      if (node.getOpType().equals("QuantizeLinear") || node.getOpType().equals("DequantizeLinear")) {
        quantization.addAll(node.getInputList().subList(1, node.getInputCount()));
      }
    }
    long params = 0;
    long nonzero = 0;
    for (TensorProto t : proto.getGraph().getInitializerList()) {
      if (STANDARDISATION.contains(t.getName()) || quantization.contains(t.getName())) {
        continue;
      }
      String mismatch = Weights.mismatch(t);
      if (mismatch != null) {
        throw new OnnxFormatException(file + " is not a valid ONNX model: " + mismatch);
      }
      long[] counts = Weights.counts(t);
      params += counts[0];
      nonzero += counts[1];
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      session = env.createSession(bytes, options);
    } catch (OrtException e) {
      throw new OnnxFormatException(file + " cannot run on ONNX Runtime: " + firstLine(e.getMessage()));
    }
    try {
      if (session.getNumInputs() != 1) {
        throw new OnnxFormatException(file + " has " + session.getNumInputs() + " inputs; lowcarb runs models of one input");
      }
      Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
      if (!(in.getValue().getInfo() instanceof TensorInfo tensor) || tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
        throw new OnnxFormatException(file + ": the input '" + in.getKey() + "' is not a float tensor");
      }
      long[] shape = tensor.getShape();
      long[] example = java.util.Arrays.copyOfRange(shape, 1, shape.length);
      return new OnnxModel(file, env, session, in.getKey(), example, params, nonzero, bytes.length);
    } catch (OrtException | OnnxFormatException e) {
      try {
        session.close();
      } catch (OrtException ignored) {
        // closing after the failure; the first error is the one to report
      }
      throw e instanceof OnnxFormatException f ? f : new OnnxFormatException(file + ": " + firstLine(e.getMessage()));
    }
  }

  /**
   * The class scores of a batch.
   *
   * @param batch {@code size x exampleSize} values, row-major, as the model takes them (raw inputs:
   *     standardisation is in the graph for lowcarb's exports)
   * @param size the number of examples in the batch
   * @return {@code size} rows of class scores
   */
  public float[][] predict(float[] batch, int size) {
    long[] shape = new long[exampleShape.length + 1];
    shape[0] = size;
    System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
    if (exampleShape.length == 1 && exampleShape[0] <= 0) {
      shape[1] = batch.length / Math.max(1, size); // a vector of free length
    }
    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
        OrtSession.Result result = session.run(Map.of(input, x))) {
      return (float[][]) result.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException(file + ": inference failed: " + firstLine(e.getMessage()), e);
    } catch (ClassCastException e) {
      throw new IllegalStateException(file + ": the output is not a [batch, classes] float tensor", e);
    }
  }

  /** The class scores of each example in {@code batch} (one row of raw input values each). */
  public float[][] predict(float[][] batch) {
    int n = batch.length == 0 ? 0 : batch[0].length;
    float[] flat = new float[batch.length * n];
    for (int i = 0; i < batch.length; i++) {
      System.arraycopy(batch[i], 0, flat, i * n, n);
    }
    return predict(flat, batch.length);
  }

  /** The predicted class of every example of {@code data}, in batches of {@code batchSize}. */
  public int[] classify(LabeledData data, int batchSize) {
    checkShape(data);
    int n = data.exampleSize();
    int[] predicted = new int[data.size()];
    for (int start = 0; start < data.size(); start += batchSize) {
      int size = Math.min(batchSize, data.size() - start);
      float[] batch = java.util.Arrays.copyOfRange(data.features(), start * n, (start + size) * n);
      float[][] scores = predict(batch, size);
      for (int i = 0; i < size; i++) {
        predicted[start + i] = argMax(scores[i]);
      }
    }
    return predicted;
  }

  /** The fraction of {@code data} classified right, 0..1. */
  public double accuracy(LabeledData data) {
    int[] predicted = classify(data, 256);
    int right = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == data.labels()[i]) {
        right++;
      }
    }
    return data.size() == 0 ? 0 : (double) right / data.size();
  }

  /** Fails with a clear message when {@code data}'s examples do not fit the model's input. */
  public void checkShape(LabeledData data) {
    long[] shape = data.shape();
    boolean fits = shape.length == exampleShape.length;
    for (int i = 0; fits && i < shape.length; i++) {
      fits = exampleShape[i] <= 0 || exampleShape[i] == shape[i];
    }
    if (!fits) {
      throw new IllegalArgumentException(file + " takes examples of shape " + java.util.Arrays.toString(exampleShape)
          + "; " + data.name() + " has " + java.util.Arrays.toString(shape));
    }
  }

  /** The shape of one example the model takes; a dimension below 1 is free. */
  public long[] exampleShape() {
    return exampleShape.clone();
  }

  /**
   * The number of weight values: float, int8, uint8 and int32 initializers, the input
   * standardisation and the scales and zero points of a QDQ model left out.
   */
  public long params() {
    return params;
  }

  /** The number of weight values that are not zero. */
  public long nonzeroParams() {
    return nonzeroParams;
  }

  /** The size of the model file, in bytes. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** The model file. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(file + ": cannot close the ONNX Runtime session: " + e.getMessage(), e);
    }
  }

  static int argMax(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.strip().lines().findFirst().orElse(message);
  }
}
