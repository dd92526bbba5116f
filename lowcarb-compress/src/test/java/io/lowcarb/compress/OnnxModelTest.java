package io.lowcarb.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files ONNX Runtime cannot run are refused with the file and the reason. */
class OnnxModelTest {
  @TempDir Path dir;

  private static final Checkpoint TINY = new Checkpoint(ModelSpec.mlp(2, 3), 0, 1, List.of(
      Map.of(),
      Map.of("weight", new Tensor(new long[] {2, 4}, new float[] {1, 0, 0, 0, 0, 1, 0, 0}),
          "bias", new Tensor(new long[] {2}, new float[] {0, 0})),
      Map.of(),
      Map.of("weight", new Tensor(new long[] {3, 2}, new float[] {1, 0, 0, 1, 1, 1}),
          "bias", new Tensor(new long[] {3}, new float[] {0, 0, 0.5f}))));

  @Test
  void runsAHandBuiltModelAsItsArithmeticSays() throws Exception {
    Path file = dir.resolve("tiny.onnx");
    OnnxExport.write(TINY, new long[] {4}, file);
    try (OnnxModel model = OnnxModel.open(file)) {
      // relu([2, -1]) = [2, 0] -> [2, 0, 2.5]
      assertThat(model.predict(new float[][] {{2, -1, 7, 7}})[0]).containsExactly(2, 0, 2.5f);
      assertThat(model.params()).isEqualTo(8 + 2 + 6 + 3);
      assertThat(model.nonzeroParams()).isEqualTo(2 + 4 + 1);
      assertThat(model.exampleShape()).containsExactly(4);
    }
  }

  @Test
  void anOperatorOnnxRuntimeDoesNotKnowIsNamed() throws Exception {
    ModelProto.Builder proto = OnnxExport.model(TINY, new long[] {4}).toBuilder();
    proto.getGraphBuilder().getNodeBuilder(2).setOpType("Attention42");
    Path file = dir.resolve("odd.onnx");
    Files.write(file, proto.build().toByteArray());
    assertThatThrownBy(() -> OnnxModel.open(file))
        .isInstanceOf(OnnxFormatException.class)
        .hasMessageStartingWith(file + " cannot run on ONNX Runtime")
        .hasMessageContaining("Attention42");
  }

  @Test
  void anInitializerWhoseBytesDoNotMatchItsDimensionsIsRefused() throws Exception {
    ModelProto.Builder proto = OnnxExport.model(TINY, new long[] {4}).toBuilder();
    proto.getGraphBuilder().addInitializer(ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("odd")
        .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT32.getNumber()).addDims(1)
        .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[5])));
    Path file = dir.resolve("odd.onnx");
    Files.write(file, proto.build().toByteArray());
    assertThatThrownBy(() -> OnnxModel.open(file)).isInstanceOf(OnnxFormatException.class)
        .hasMessage(file + " is not a valid ONNX model: the initializer 'odd' claims dimensions [1] and holds 5 bytes");
  }
}
