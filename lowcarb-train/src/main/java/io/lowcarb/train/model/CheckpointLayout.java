package io.lowcarb.train.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a DJL parameter file ({@code model-000N.params}) against the layout a checkpoint of its
 * spec has, before DJL reads it. DJL believes the counts and lengths in the file: a shape of 2^31
 * dimensions or an array of 2 GB claimed in a file of a few hundred bytes is allocated before the
 * read finds the file too short. Here the header is read with every count bounded by what is left of
 * the file, and the rest must be, byte for byte, what DJL writes for a model of the spec, except the
 * values of the weights: those places are found by saving the spec's block twice, with every weight
 * byte different between the two.
 */
public final class CheckpointLayout {
  private static final int MAX_DIMENSIONS = 32;
  private static final int MAX_INPUTS = 16;
  private static final int MAX_PROPERTIES = 1024;

  private CheckpointLayout() {}

  /**
   * @throws IllegalArgumentException naming the file and the byte where it leaves the layout
   */
  public static void check(Path params, ModelSpec spec) throws IOException {
    byte[] file = Files.readAllBytes(params);
    Reader in = new Reader(params, file);
    byte[] magic = in.bytes(4);
    if (!Arrays.equals(magic, new byte[] {'D', 'J', 'L', '@'})) {
      throw in.error(0, "is not a DJL parameter file (no DJL@ at byte 0)");
    }
    int version = in.integer();
    if (version != 1) {
      throw in.error(4, "has DJL format version " + version + " at byte 4; lowcarb reads version 1");
    }
    in.utf(); // the model's name
    int typeAt = in.at();
    if (!in.utf().equals("FLOAT32")) {
      throw in.error(typeAt, "holds a data type other than FLOAT32 at byte " + typeAt);
    }
    long[] input = null;
    int inputs = in.count(MAX_INPUTS, "inputs");
    for (int i = 0; i < inputs; i++) {
      in.utf();
      long[] shape = in.shape();
      input = input == null ? shape : input;
    }
    int properties = in.count(MAX_PROPERTIES, "properties");
    for (int i = 0; i < properties; i++) {
      in.utf();
      in.utf();
    }
    int blockAt = in.at();
    if (input == null) {
      // no input in the header: the block's first input shape, after its version byte
      Reader block = new Reader(params, file);
      block.bytes(blockAt + 1);
      block.count(MAX_INPUTS, "block inputs");
      input = block.shape();
    }
    double values = values(spec, input);
    if (4 * values > file.length) {
      // the template would be as large as the claim: refuse before building it
      throw in.error(blockAt, "claims an input of shape " + new Shape(input) + ", for which its model.json has "
          + (long) values + " weights (" + (long) (4 * values) + " bytes); the file holds " + file.length);
    }
    byte[][] templates = templates(spec, input);
    byte[] a = templates[0];
    byte[] b = templates[1];
    int length = file.length - blockAt;
    for (int i = 0; i < Math.min(length, a.length); i++) {
      if (a[i] == b[i] && file[blockAt + i] != a[i]) {
        throw in.error(blockAt + i, "does not have the layout of a checkpoint of its model.json at byte " + (blockAt + i)
            + " (another model, or a damaged file)");
      }
    }
    if (length != a.length) {
      throw in.error(file.length, "holds " + length + " bytes of layers after its header at byte " + blockAt
          + "; a checkpoint of its model.json holds " + a.length);
    }
  }

  /**
   * The number of weights of {@code spec} for an input of {@code input} (batch first), counted from
   * the spec without allocating them; as a double, which does not overflow.
   */
  static double values(ModelSpec spec, long[] input) {
    double[] shape = Arrays.stream(input).skip(1).asDoubleStream().toArray(); // without the batch
    double n = 0;
    for (LayerSpec layer : spec.layers()) {
      switch (layer) {
        case LayerSpec.Dense d -> {
          double features = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
          n += d.units() * features + d.units();
          shape = new double[] {d.units()};
        }
        case LayerSpec.Conv2d c -> {
          double channels = shape.length > 0 ? shape[0] : 1;
          n += (double) c.filters() * channels * c.kernel() * c.kernel() + c.filters();
          shape = shape.length == 3
              ? new double[] {c.filters(), shape[1] + 2.0 * c.padding() - c.kernel() + 1, shape[2] + 2.0 * c.padding() - c.kernel() + 1}
              : new double[] {c.filters()};
        }
        case LayerSpec.MaxPool m -> {
          if (shape.length == 3) {
            shape = new double[] {shape[0], Math.floor(shape[1] / m.size()), Math.floor(shape[2] / m.size())};
          }
        }
        case LayerSpec.BatchNorm b -> n += 4 * (shape.length > 0 ? shape[0] : 1); // gamma, beta, running mean and variance
        case LayerSpec.Flatten f -> shape = new double[] {Arrays.stream(shape).reduce(1, (x, y) -> x * y)};
        case LayerSpec.Relu r -> { }
        case LayerSpec.Dropout d -> { }
      }
    }
    return n;
  }

  /** The spec's block saved twice, every weight byte 0x3F in the first and 0x40 in the second. */
  private static byte[][] templates(ModelSpec spec, long[] input) throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = Blocks.of(spec);
      try {
        block.initialize(manager, DataType.FLOAT32, new Shape(input));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the input shape " + new Shape(input) + " does not fit the model: " + e.getMessage());
      }
      byte[][] out = new byte[2][];
      float[] fills = {Float.intBitsToFloat(0x3F3F3F3F), Float.intBitsToFloat(0x40404040)};
      for (int k = 0; k < 2; k++) {
        for (var p : block.getParameters()) {
          var array = p.getValue().getArray();
          float[] values = new float[Math.toIntExact(array.size())];
          Arrays.fill(values, fills[k]);
          array.set(FloatBuffer.wrap(values));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(bytes));
        out[k] = bytes.toByteArray();
      }
      return out;
    }
  }

  /** Reads the header as DJL does, each count and length checked against what is left of the file. */
  private static final class Reader {
    private final Path file;
    private final byte[] bytes;
    private final DataInputStream in;

    Reader(Path file, byte[] bytes) {
      this.file = file;
      this.bytes = bytes;
      this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    int at() throws IOException {
      return bytes.length - in.available();
    }

    IllegalArgumentException error(int at, String what) {
      return new IllegalArgumentException(file + " " + what);
    }

    private void need(int n, String what) throws IOException {
      if (n < 0 || n > in.available()) {
        throw error(at(), "is truncated or damaged: " + what + " at byte " + at() + " needs " + n + " bytes, "
            + in.available() + " are left");
      }
    }

    byte[] bytes(int n) throws IOException {
      need(n, "the header");
      return in.readNBytes(n);
    }

    int integer() throws IOException {
      need(4, "a number");
      return in.readInt();
    }

    String utf() throws IOException {
      int at = at();
      need(2, "a text");
      in.mark(2);
      int length = in.readUnsignedShort();
      in.reset();
      need(2 + length, "a text of " + length + " bytes");
      try {
        return in.readUTF();
      } catch (java.io.UTFDataFormatException e) {
        throw error(at, "has a text that is not modified UTF-8 at byte " + at);
      }
    }

    int count(int max, String what) throws IOException {
      int at = at();
      int n = integer();
      if (n < 0 || n > max) {
        throw error(at, "claims " + n + " " + what + " at byte " + at + " (at most " + max + ")");
      }
      return n;
    }

    long[] shape() throws IOException {
      int at = at();
      int dims = count(MAX_DIMENSIONS, "dimensions");
      need(8 * dims, "a shape");
      long[] shape = new long[dims];
      for (int i = 0; i < dims; i++) {
        shape[i] = in.readLong();
        if (shape[i] < 1 || shape[i] > Integer.MAX_VALUE) {
          throw error(at, "has a shape with a dimension of " + shape[i] + " at byte " + at);
        }
      }
      int layout = count(MAX_DIMENSIONS, "layout letters");
      need(2 * layout, "a layout");
      in.skipNBytes(2L * layout);
      return shape;
    }
  }
}
