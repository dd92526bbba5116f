package io.lowcarb.advise.hardware;

import io.lowcarb.energy.text.CsvResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in table of cloud instance types ({@code instances.csv}). */
public final class InstanceTable {
  private static final String RESOURCE = "/io/lowcarb/advise/instances.csv";

  private final Map<String, Instance> byKey = new LinkedHashMap<>();

  InstanceTable(List<Instance> instances) {
    instances.forEach(i -> byKey.put(HardwareNames.key(i.name()), i));
  }

  /** The table shipped with lowcarb, its devices from {@link DeviceTable#builtIn()}. */
  public static InstanceTable builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final InstanceTable BUILT_IN = load(DeviceTable.builtIn());
  }

  static InstanceTable load(DeviceTable devices) {
    // provider,instance,vcpus,cpu,gpus,gpu,memory_gb,year,source
    return new InstanceTable(CsvResource.rows(RESOURCE, 9).stream()
        .map(f -> new Instance(f.get(0), f.get(1), Integer.parseInt(f.get(2)), device(devices, f.get(3)),
            Integer.parseInt(f.get(4)), f.get(5).isEmpty() ? Optional.empty() : Optional.of(device(devices, f.get(5))),
            Double.parseDouble(f.get(6)), f.get(7), f.get(8)))
        .toList());
  }

  private static Device device(DeviceTable devices, String name) {
    return devices.find(name).orElseThrow(() -> new IllegalStateException("instances.csv names an unknown device " + name));
  }

  /** The instance type of that name ({@code aws:p4d.24xlarge}), ignoring case. */
  public Optional<Instance> find(String name) {
    return Optional.ofNullable(byKey.get(HardwareNames.key(name)));
  }

  /** Every instance type, in table order. */
  public List<Instance> instances() {
    return List.copyOf(byKey.values());
  }
}
