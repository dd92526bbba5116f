package io.lowcarb.compress.fuzz;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxFormatException;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.compress.Tensor;
import io.lowcarb.compress.prune.CheckpointFiles;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import io.lowcarb.fuzz.FuzzInput;
import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Target;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX files and DJL checkpoints over the bad-input corpus (lowcarb-fuzz) and the seed files in resources/fuzz. */
class ModelFilesFuzzTest {
  static final Checkpoint TINY = new Checkpoint(ModelSpec.mlp(2, 3), 0.5, 2, List.of(
      Map.of(),
      Map.of("weight", new Tensor(new long[] {2, 4}, new float[] {1, 0, 0, 0, 0, 1, 0, 0}),
          "bias", new Tensor(new long[] {2}, new float[] {0, 0})),
      Map.of(),
      Map.of("weight", new Tensor(new long[] {3, 2}, new float[] {1, 0, 0, 1, 1, 1}),
          "bias", new Tensor(new long[] {3}, new float[] {0, 0, 0.5f}))));

  @TempDir Path scratch;

  static byte[] onnx(Path dir) throws IOException {
    Path file = dir.resolve("tiny.onnx");
    OnnxExport.write(TINY, new long[] {4}, file);
    return Files.readAllBytes(file);
  }

  static byte[] params(Path dir) throws IOException {
    return Files.readAllBytes(CheckpointFiles.write(TINY, new long[] {4}, dir.resolve("checkpoint"), 1));
  }

  /** The tiny model with one more initializer, of {@code rawBytes} bytes and the dimensions claimed. */
  static FuzzInput initializer(String label, TensorProto.DataType type, int rawBytes, long... dims) {
    ModelProto.Builder proto = OnnxExport.model(TINY, new long[] {4}).toBuilder();
    proto.getGraphBuilder().addInitializer(TensorProto.newBuilder().setName("extra").setDataType(type.getNumber())
        .addAllDims(java.util.Arrays.stream(dims).boxed().toList()).setRawData(ByteString.copyFrom(new byte[rawBytes])));
    return new FuzzInput(label, proto.build().toByteArray());
  }

  @Test
  void onnxFiles() throws IOException {
    Target t = Target.of("ONNX model", "model.onnx", f -> {
          try (OnnxModel m = OnnxModel.open(f)) {
            m.exampleShape();
          }
        }, OnnxFormatException.class)
        .samples(onnx(scratch))
        .extra(initializer("an int32 initializer of 5 raw bytes", TensorProto.DataType.INT32, 5, 1),
            initializer("a float initializer of 2^31 x 2^31 on 8 bytes", TensorProto.DataType.FLOAT, 8, 1L << 31, 1L << 31),
            initializer("a float initializer of 7 raw bytes", TensorProto.DataType.FLOAT, 7, 7))
        .seedFolder(Path.of("src/test/resources/fuzz/onnx"));
    FuzzRun.run(t, scratch).assertClean();
  }

  @Test
  void djlCheckpoints() throws IOException {
    Target t = Target.of("DJL checkpoint", "model-0001.params", Checkpoint::read, IllegalArgumentException.class)
        .beside("model.json", TINY.spec().toJson().getBytes(StandardCharsets.UTF_8))
        .samples(params(scratch))
        .seedFolder(Path.of("src/test/resources/fuzz/params"));
    FuzzRun.run(t, scratch).assertClean();
  }
}
