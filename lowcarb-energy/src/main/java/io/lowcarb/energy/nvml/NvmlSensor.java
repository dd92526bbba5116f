package io.lowcarb.energy.nvml;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy of the visible NVIDIA GPUs. Each device is read from its energy counter where the
 * driver has one (Volta and newer); otherwise its power is sampled every interval and integrated
 * with the trapezoidal rule.
 *
 * <p>A GPU's energy is attributed wholly to the measured job: a GPU job drives the device from
 * one or two CPU threads, so its CPU share says nothing about its share of the GPU. Restrict the
 * devices with {@code CUDA_VISIBLE_DEVICES} when several jobs share a machine.
 */
public final class NvmlSensor implements EnergySensor {
  /**
   * NVIDIA documents board power readings as accurate to within +/-5 % (nvidia-smi, "Power
   * Draw"); integrating sampled power adds the error of what happens between samples.
   */
  static final double COUNTER_UNCERTAINTY_PCT = 5;

  static final double SAMPLED_UNCERTAINTY_PCT = 10;

  private final Nvml nvml;
  private final List<Device> devices;

  /** One visible device and how it is read. */
  public record Device(int index, String name, boolean energyCounter) {}

  private final long[] lastEnergy;
  private final double[] lastPowerWatts;
  private final boolean[] seen;

  private NvmlSensor(Nvml nvml, List<Device> devices) {
    this.nvml = nvml;
    this.devices = List.copyOf(devices);
    this.lastEnergy = new long[devices.size()];
    this.lastPowerWatts = new double[devices.size()];
    this.seen = new boolean[devices.size()];
  }

  /**
   * A sensor over the devices that {@code cudaVisibleDevices} selects.
   *
   * @param nvml an initialised NVML
   * @param cudaVisibleDevices the value of {@code CUDA_VISIBLE_DEVICES}, or null when unset
   * @throws NvmlException when the devices cannot be listed
   */
  public static NvmlSensor open(Nvml nvml, String cudaVisibleDevices) throws NvmlException {
    int count = nvml.deviceCount();
    List<String> uuids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      uuids.add(nvml.uuid(i));
    }
    List<Device> devices = new ArrayList<>();
    for (int index : VisibleDevices.select(cudaVisibleDevices, uuids)) {
      boolean counter;
      try {
        nvml.totalEnergyMillijoules(index);
        counter = true;
      } catch (NvmlException e) {
        if (e.code() != NvmlException.NOT_SUPPORTED) {
          throw e;
        }
        counter = false;
      }
      devices.add(new Device(index, nvml.name(index), counter));
    }
    return new NvmlSensor(nvml, devices);
  }

  /** The devices measured. */
  public List<Device> devices() {
    return devices;
  }

  @Override
  public String name() {
    return "nvml:" + String.join(",", devices.stream().map(d -> Integer.toString(d.index())).toList());
  }

  @Override
  public Component component() {
    return Component.GPU;
  }

  @Override
  public Method method() {
    return Method.NVML;
  }

  @Override
  public double uncertaintyPct() {
    return devices.stream().allMatch(Device::energyCounter) ? COUNTER_UNCERTAINTY_PCT : SAMPLED_UNCERTAINTY_PCT;
  }

  @Override
  public EnergyDelta sample(Activity activity) {
    double joules = 0;
    for (int i = 0; i < devices.size(); i++) {
      Device device = devices.get(i);
      try {
        if (device.energyCounter()) {
          long now = nvml.totalEnergyMillijoules(device.index());
          if (seen[i]) {
            joules += Math.max(0, now - lastEnergy[i]) / 1e3;
          }
          lastEnergy[i] = now;
        } else {
          double watts = nvml.powerMilliwatts(device.index()) / 1e3;
          if (seen[i]) {
            joules += (lastPowerWatts[i] + watts) / 2 * activity.seconds();
          }
          lastPowerWatts[i] = watts;
        }
        seen[i] = true; // each device counts from its own first reading
      } catch (NvmlException e) {
        // A transient driver error: skip this device for this interval.
      }
    }
    return new EnergyDelta(joules, joules);
  }

  @Override
  public void close() {
    nvml.close();
  }
}
