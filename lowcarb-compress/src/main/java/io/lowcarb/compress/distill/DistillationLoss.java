package io.lowcarb.compress.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The distillation loss of Hinton et al.: {@code alpha * T^2 * KL(softmax(teacher / T) ||
 * softmax(student / T)) + (1 - alpha) * CE(softmax(student), labels)}, each term the mean over the
 * batch. The {@code T^2} keeps the soft term's gradients the same size whatever the temperature.
 */
public final class DistillationLoss {
  private DistillationLoss() {}

  /**
   * @param student the student's logits, {@code (batch, classes)}
   * @param teacher the teacher's logits, same shape, no gradient needed
   * @param labels the class of each example, {@code (batch)}
   * @param temperature T, above 0
   * @param alpha the weight of the soft term, from 0 to 1
   * @return the loss, a scalar
   */
  public static NDArray of(NDArray student, NDArray teacher, NDArray labels, double temperature, double alpha) {
    if (!student.getShape().equals(teacher.getShape())) {
      throw new IllegalArgumentException("student logits " + student.getShape() + " and teacher logits "
          + teacher.getShape() + " differ in shape");
    }
    long classes = student.getShape().get(1);
    NDArray oneHot = labels.toType(DataType.INT64, false).oneHot((int) classes).toType(student.getDataType(), false);
    NDArray hard = student.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    if (alpha == 0) {
      return hard;
    }
    NDArray logP = teacher.div((float) temperature).logSoftmax(1);
    NDArray logQ = student.div((float) temperature).logSoftmax(1);
    NDArray kl = logP.exp().mul(logP.sub(logQ)).sum(new int[] {1}).mean();
    NDArray soft = kl.mul((float) (alpha * temperature * temperature));
    return alpha == 1 ? soft : soft.add(hard.mul((float) (1 - alpha)));
  }
}
