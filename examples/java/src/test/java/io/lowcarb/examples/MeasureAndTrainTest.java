package io.lowcarb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MeasureAndTrainTest {
  @Test
  void measuresTheBlockAndTrainsTheDigitsToTheTarget() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TrainingResult result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = MeasureAndTrain.run("ES", 20, out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).containsPattern("sum of square roots: [0-9.]+ s, [0-9.]+ J, [0-9.]+ mg CO2e at [0-9]+ gCO2e/kWh \\(ES, ")
        .containsPattern("CPU +[0-9.]+ J +[A-Z_]+")
        .containsPattern("epoch 1: validation accuracy 0\\.[0-9]{4}, [0-9.]+ J")
        .contains("trained: test accuracy");
    assertThat(result.accuracy()).isGreaterThan(0.9);
    assertThat(result.totalKwh()).isPositive();
    assertThat(result.epochs()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
  }
}
