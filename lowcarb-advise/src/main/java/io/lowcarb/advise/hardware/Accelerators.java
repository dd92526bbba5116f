package io.lowcarb.advise.hardware;

import java.util.Locale;
import java.util.Optional;

/**
 * One or more GPUs or TPUs of one model, counted alone (no host CPU or memory).
 *
 * @param device the accelerator
 * @param count how many, at least 1
 */
public record Accelerators(Device device, int count) implements Hardware {
  public Accelerators {
    if (!device.kind().accelerator() || count < 1) {
      throw new IllegalArgumentException("accelerators need a GPU or TPU and a count of at least 1, got " + count
          + " of " + device.name());
    }
  }

  @Override
  public String name() {
    return count == 1 ? device.name() : count + "x" + device.name();
  }

  @Override
  public Optional<String> provider() {
    return Optional.empty();
  }

  @Override
  public DeviceKind kind() {
    return device.kind();
  }

  @Override
  public int units() {
    return count;
  }

  @Override
  public Device.Peak peak(Precision precision) {
    Device.Peak one = device.usablePeak(precision);
    return new Device.Peak(one.tflops() * count, one.precision());
  }

  @Override
  public PowerAtWork power(double utilisation) {
    double watts = count * device.tdpWatts() * utilisation;
    return new PowerAtWork(watts, String.format(Locale.ROOT, "%d x %.0f W TDP of %s at %.0f %% use = %.0f W", count,
        device.tdpWatts(), device.name(), 100 * utilisation, watts));
  }
}
