package io.lowcarb.compress.distill;

import io.lowcarb.energy.EnergyReport;
import java.nio.file.Path;

/**
 * A distilled student.
 *
 * @param checkpoint the written {@code model-000N.params} of the student
 * @param studentAccuracy the student's accuracy on the test part, a fraction
 * @param teacherAccuracy the teacher's accuracy on the same examples, a fraction
 * @param studentParams the student's parameter values
 * @param teacherParams the teacher's parameter values
 * @param steps the optimiser steps taken
 * @param energy what distillation used (teacher forward passes included), in kWh and gCO2e
 */
public record DistillResult(
    Path checkpoint, double studentAccuracy, double teacherAccuracy, long studentParams, long teacherParams, long steps,
    EnergyReport energy) {
  /** The student's parameters as a fraction of the teacher's. */
  public double paramRatio() {
    return (double) studentParams / teacherParams;
  }

  /** The student's accuracy as a fraction of the teacher's. */
  public double accuracyRatio() {
    return teacherAccuracy == 0 ? 0 : studentAccuracy / teacherAccuracy;
  }
}
