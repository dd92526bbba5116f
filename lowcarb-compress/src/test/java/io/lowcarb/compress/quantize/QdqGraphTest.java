package io.lowcarb.compress.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import org.junit.jupiter.api.Test;

/** Per-channel weight scales and activation ranges, on plain numbers. */
class QdqGraphTest {
  @Test
  void aMatMulWeightHasItsOutputChannelsOnTheLastAxis() {
    // [in = 2, out = 3]: the channels are the columns
    TensorProto weight = TensorProto.newBuilder().addDims(2).addDims(3).build();
    NodeProto matmul = NodeProto.newBuilder().setOpType("MatMul").build();
    int axis = QdqGraph.outputAxis(matmul);
    float[] scales = QdqGraph.channelScales(new float[] {1, -2, 0, -4, 0.5f, 0}, weight, axis, 3);
    assertThat(axis).isEqualTo(1);
    assertThat(scales).containsExactly(4 / 127f, 2 / 127f, 1f);
  }

  @Test
  void aConvOrTransposedGemmWeightHasThemOnTheFirst() {
    TensorProto weight = TensorProto.newBuilder().addDims(2).addDims(1).addDims(2).addDims(2).build();
    NodeProto conv = NodeProto.newBuilder().setOpType("Conv").build();
    NodeProto gemm = NodeProto.newBuilder().setOpType("Gemm").addAttribute(
        AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1)).build();
    assertThat(QdqGraph.outputAxis(conv)).isZero();
    assertThat(QdqGraph.outputAxis(gemm)).isZero();
    assertThat(QdqGraph.outputAxis(NodeProto.newBuilder().setOpType("Gemm").build())).isEqualTo(1);
    float[] scales = QdqGraph.channelScales(new float[] {1, 2, -3, 0, 0, 0, 0, 0.25f}, weight, 0, 2);
    assertThat(scales).containsExactly(3 / 127f, 0.25f / 127f);
    assertThatThrownBy(() -> QdqGraph.outputAxis(NodeProto.newBuilder().setOpType("Relu").build()))
        .hasMessage("cannot quantize a Relu node");
  }

  @Test
  void anActivationRangeHoldsZeroExactly() {
    ActivationRange relu = new ActivationRange(0.5f, 2.55f);
    assertThat(relu.min()).isZero();
    assertThat(relu.scale()).isEqualTo(0.01f);
    assertThat(relu.zeroPoint()).isZero();
    ActivationRange standardised = new ActivationRange(-1f, 1.55f);
    assertThat(standardised.scale()).isEqualTo(0.01f);
    assertThat(standardised.zeroPoint()).isEqualTo(100);
    assertThat(new ActivationRange(0, 0).scale()).isEqualTo(1f);
    assertThatThrownBy(() -> new ActivationRange(1, 0)).hasMessageContaining("min <= max");
  }
}
