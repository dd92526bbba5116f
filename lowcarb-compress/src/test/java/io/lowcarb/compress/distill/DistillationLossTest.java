package io.lowcarb.compress.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The distillation loss against a hand computation on two examples of three classes. */
class DistillationLossTest {
  private static final float[] STUDENT = {1, 2, 0.5f, -1, 0, 3};
  private static final float[] TEACHER = {3, 1, 0, 0.5f, -2, 4};
  private static final long[] LABELS = {1, 2};

  @Test
  void theSoftTermIsTheTemperatureScaledKlDivergenceOfTheSoftenedOutputs() {
    double t = 4;
    double expected = 0;
    for (int row = 0; row < 2; row++) {
      double[] p = softmax(TEACHER, row, t);
      double[] q = softmax(STUDENT, row, t);
      for (int c = 0; c < 3; c++) {
        expected += p[c] * Math.log(p[c] / q[c]);
      }
    }
    expected = t * t * expected / 2;
    assertThat(loss(t, 1)).isCloseTo(expected, offset(1e-5));
    assertThat(expected).isPositive();
  }

  @Test
  void alphaZeroIsPlainCrossEntropyAndAlphaMixesTheTwoTerms() {
    double ce = 0;
    for (int row = 0; row < 2; row++) {
      ce -= Math.log(softmax(STUDENT, row, 1)[(int) LABELS[row]]);
    }
    ce /= 2;
    assertThat(loss(4, 0)).isCloseTo(ce, offset(1e-5));
    assertThat(loss(4, 0.7)).isCloseTo(0.7 * loss(4, 1) + 0.3 * ce, offset(1e-5));
  }

  @Test
  void aStudentThatMatchesTheTeacherHasNoSoftLoss() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray same = manager.create(TEACHER, new Shape(2, 3));
      assertThat(DistillationLoss.of(same, same, manager.create(LABELS), 2, 1).getFloat()).isCloseTo(0f,
          offset(1e-6f));
    }
  }

  @Test
  void settingsOutOfRangeAreRefusedOneByOne() {
    Path out = Path.of("out");
    assertThatThrownBy(() -> new DistillSettings(0, 0.7, 1, 32, 0.01f, 1, out)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> new DistillSettings(4, 1.5, 1, 32, 0.01f, 1, out)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new DistillSettings(4, 0.7, 0, 32, 0.01f, 1, out)).hasMessageContaining("epochs");
    assertThatThrownBy(() -> new DistillSettings(4, 0.7, 1, 0, 0.01f, 1, out)).hasMessageContaining("batch size");
    assertThatThrownBy(() -> new DistillSettings(4, 0.7, 1, 32, 0, 1, out)).hasMessageContaining("learning rate");
    assertThat(DistillSettings.of(1, 32, 0.01f, 1, out).temperature()).isEqualTo(4);
  }

  private static double loss(double t, double alpha) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray student = manager.create(STUDENT, new Shape(2, 3));
      NDArray teacher = manager.create(TEACHER, new Shape(2, 3));
      return DistillationLoss.of(student, teacher, manager.create(LABELS), t, alpha).getFloat();
    }
  }

  private static double[] softmax(float[] logits, int row, double t) {
    double[] e = new double[3];
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      e[c] = Math.exp(logits[row * 3 + c] / t);
      sum += e[c];
    }
    for (int c = 0; c < 3; c++) {
      e[c] /= sum;
    }
    return e;
  }
}
