package io.lowcarb.advise.hardware;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A row of the device table ({@code devices.csv}).
 *
 * @param name the table's name for it, for example {@code A100-SXM4-40GB}
 * @param kind CPU, GPU or TPU
 * @param tdpWatts thermal design power of one device, in W (a TPU's mean power)
 * @param fp32Tflops peak fp32 throughput of one device, in TFLOPS, when published (derived for CPUs)
 * @param fp16Tflops peak dense fp16/bf16 (tensor) throughput, in TFLOPS, when published
 * @param int8Tops peak dense int8 throughput, in TOPS, when published
 * @param memoryGb the device's own memory, in GB (0 for CPUs)
 * @param cores physical cores of one CPU package; empty for accelerators
 * @param year the year of its release and specification
 * @param source where the figures come from
 */
public record Device(String name, DeviceKind kind, double tdpWatts, OptionalDouble fp32Tflops,
    OptionalDouble fp16Tflops, OptionalDouble int8Tops, double memoryGb, OptionalInt cores, String year,
    String source) {

  public Device {
    if (!(tdpWatts > 0)) {
      throw new IllegalArgumentException(name + ": TDP must be positive, got " + tdpWatts + " W");
    }
    if (kind == DeviceKind.CPU && cores.isEmpty()) {
      throw new IllegalArgumentException(name + ": a CPU needs its core count");
    }
  }

  /** The published peak at a precision, in TFLOPS (or TOPS), if there is one. */
  public OptionalDouble peak(Precision precision) {
    return switch (precision) {
      case FP32 -> fp32Tflops;
      case FP16 -> fp16Tflops;
      case INT8 -> int8Tops;
    };
  }

  /**
   * The peak used for advice, in TFLOPS: the published figure at {@code precision}, or else the
   * highest lower precision's, or else nothing.
   */
  public Peak usablePeak(Precision precision) {
    for (int i = precision.ordinal(); i >= 0; i--) {
      Precision p = Precision.values()[i];
      OptionalDouble v = peak(p);
      if (v.isPresent()) {
        return new Peak(v.getAsDouble(), p);
      }
    }
    return new Peak(Double.NaN, precision);
  }

  /**
   * A peak throughput and the precision it was published for.
   *
   * @param tflops TFLOPS (or TOPS); NaN when the device has no figure
   * @param precision the precision of the figure, which may be wider than the one asked for
   */
  public record Peak(double tflops, Precision precision) {
    /** Whether there is a figure. */
    public boolean known() {
      return !Double.isNaN(tflops);
    }
  }
}
