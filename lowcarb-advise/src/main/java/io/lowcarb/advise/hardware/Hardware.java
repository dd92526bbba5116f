package io.lowcarb.advise.hardware;

import java.util.Optional;

/**
 * Something a job can run on: some cores of a CPU, one or more accelerators, or a cloud instance.
 * Its peak throughput sets how fast the job runs there; its power at work sets the energy.
 */
public sealed interface Hardware permits CpuCores, Accelerators, Instance {

  /** Memory power, in W per GB (Green Algorithms, from Karyakin and Salem 2017). */
  double MEMORY_WATTS_PER_GB = 0.3725;

  /** The name to show and to ask for, for example {@code aws:p4d.24xlarge} or {@code 2xT4}. */
  String name();

  /** The cloud provider ({@code aws}, {@code gcp}, {@code azure}) for an instance type. */
  Optional<String> provider();

  /** What does the work: the accelerators if there are any, else the CPU. */
  DeviceKind kind();

  /** Number of devices (accelerators or CPU cores) the work is spread over. */
  int units();

  /**
   * The peak throughput of all the devices that do the work, in TFLOPS, at {@code precision} or the
   * nearest wider precision with a published figure.
   */
  Device.Peak peak(Precision precision);

  /**
   * Power at work, in W, and how it was made up.
   *
   * @param utilisation the share of the working devices busy, 0..1
   */
  PowerAtWork power(double utilisation);

  /**
   * Power while working.
   *
   * @param watts the total, in W
   * @param basis how it was made up, in words
   */
  record PowerAtWork(double watts, String basis) {}
}
