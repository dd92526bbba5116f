package io.lowcarb.compress.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Distilling a digits MLP of 128 hidden units into one of 16. */
class DistillationTest {
  private static final Split DIGITS = Split.of(Digits.load(), 0.2, 42);

  @TempDir Path dir;

  @Test
  void aStudentOfAnEighthOfTheParametersKeepsNinetyFivePercentOfTheTeachersAccuracy() throws Exception {
    Checkpoint teacher = Checkpoint.read(train(ModelSpec.mlp(128, 10), 6));
    Path out = dir.resolve("student");
    DistillSettings settings = DistillSettings.of(8, 32, 0.005f, 7, out);
    DistillResult result;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      result = new Distillation(meter).run(teacher, ModelSpec.mlp(16, 10), DIGITS, settings);
      // The same student on the labels alone, for comparison; not asserted, as digits is easy.
      DistillSettings labelsOnly = new DistillSettings(4, 0, 8, 32, 0.005f, 7, dir.resolve("labels-only"));
      DistillResult baseline = new Distillation(meter).run(teacher, ModelSpec.mlp(16, 10), DIGITS, labelsOnly);
      System.out.printf("mlp-16 on the labels alone: accuracy %.4f%n", baseline.studentAccuracy());
    }
    System.out.printf("mlp-128 -> mlp-16 on digits: params %d -> %d (%.3f), accuracy %.4f -> %.4f (%.3f),"
        + " %d steps, %.3g kWh%n", result.teacherParams(), result.studentParams(), result.paramRatio(),
        result.teacherAccuracy(), result.studentAccuracy(), result.accuracyRatio(), result.steps(),
        result.energy().kwh());

    assertThat(result.checkpoint()).isEqualTo(out.resolve("model-0008.params"));
    assertThat(result.teacherParams()).isEqualTo(teacher.params());
    assertThat(result.studentParams()).isLessThan(result.teacherParams() / 4);
    assertThat(result.studentAccuracy()).isGreaterThanOrEqualTo(0.95 * result.teacherAccuracy());

    Checkpoint student = Checkpoint.read(result.checkpoint());
    assertThat(student.spec()).isEqualTo(ModelSpec.mlp(16, 10));
    assertThat(student.inputMean()).isEqualTo(teacher.inputMean());
    assertThat(student.inputStd()).isEqualTo(teacher.inputStd());
    Path onnx = dir.resolve("student.onnx");
    OnnxExport.write(student, DIGITS.test().shape(), onnx);
    try (OnnxModel model = OnnxModel.open(onnx)) {
      assertThat(model.params()).isEqualTo(result.studentParams());
      assertThat(model.accuracy(DIGITS.test())).isCloseTo(result.studentAccuracy(), offset(0.003));
    }
  }

  @Test
  void aStudentWithOtherClassesThanTheTeacherIsRefusedBeforeTraining() throws Exception {
    Checkpoint teacher = Checkpoint.read(train(ModelSpec.mlp(8, 10), 1));
    try (Meter meter = Meter.builder().zone("ES").build()) {
      assertThatThrownBy(() -> new Distillation(meter).run(teacher, ModelSpec.mlp(8, 5), DIGITS,
          DistillSettings.of(1, 32, 0.005f, 7, dir.resolve("student")))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("5 outputs");
    }
    assertThat(dir.resolve("student")).doesNotExist();
  }

  private Path train(ModelSpec spec, int epochs) throws Exception {
    TrainSettings settings = new TrainSettings(epochs, 32, 0.003f, 1f, 42, OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), 0, false, dir.resolve("teacher-" + spec.name()), false,
        Optional.empty(), Set.of(), true);
    try (Meter meter = Meter.builder().zone("ES").build()) {
      return Path.of(new GreenTrainer(meter).train(spec, DIGITS, settings, TrainingProgress.NONE).checkpoint());
    }
  }
}
