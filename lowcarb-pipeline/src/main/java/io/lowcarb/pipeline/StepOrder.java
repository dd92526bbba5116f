package io.lowcarb.pipeline;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which orders of steps can work. Transfer learning starts the training, so it comes first;
 * distillation trains a new model from the current one, so it comes before pruning and
 * quantization (whose work it would throw away); each step appears once. Quantizing before
 * pruning is accepted: int8 is always applied to the final weights, after pruning.
 */
public final class StepOrder {
  private StepOrder() {}

  static void check(List<Step> steps, Path file) throws PipelineException {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String where = file + " line " + s.line() + ": ";
      if (!seen.add(s.name())) {
        throw new PipelineException(where + "step '" + s.name() + "' is given twice");
      }
      if (s instanceof Step.Transfer && i > 0) {
        throw new PipelineException(where + "transfer starts the training: it must be the first step");
      }
      if (s instanceof Step.Distil && (seen.contains("prune") || seen.contains("quantize"))) {
        throw new PipelineException(where + "distil after " + (seen.contains("quantize") ? "quantize" : "prune")
            + " cannot work: distillation trains a new model and would discard it; distil first");
      }
    }
  }

  /** Whether the file asks for quantization before pruning (run the other way round). */
  public static boolean quantizeBeforePrune(List<Step> steps) {
    int q = -1;
    int p = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Quantize) {
        q = i;
      } else if (steps.get(i) instanceof Step.Prune) {
        p = i;
      }
    }
    return q >= 0 && p >= 0 && q < p;
  }
}
