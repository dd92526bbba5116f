package io.lowcarb.advise.hardware;

import io.lowcarb.energy.text.CsvResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The built-in table of CPUs, GPUs and TPUs ({@code devices.csv}). */
public final class DeviceTable {
  private static final String RESOURCE = "/io/lowcarb/advise/devices.csv";

  private final Map<String, Device> byKey = new LinkedHashMap<>();

  DeviceTable(List<Device> devices) {
    devices.forEach(d -> byKey.put(HardwareNames.key(d.name()), d));
  }

  /** The table shipped with lowcarb. */
  public static DeviceTable builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final DeviceTable BUILT_IN = load();
  }

  private static DeviceTable load() {
    // name,kind,tdp_w,fp32_tflops,fp16_tflops,int8_tops,memory_gb,cores,year,source
    return new DeviceTable(CsvResource.rows(RESOURCE, 10).stream()
        .map(f -> new Device(f.get(0), DeviceKind.valueOf(f.get(1).toUpperCase(java.util.Locale.ROOT)),
            Double.parseDouble(f.get(2)), number(f.get(3)), number(f.get(4)), number(f.get(5)),
            f.get(6).isEmpty() ? 0 : Double.parseDouble(f.get(6)),
            f.get(7).isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f.get(7))), f.get(8), f.get(9)))
        .toList());
  }

  private static OptionalDouble number(String field) {
    return field.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(field));
  }

  /** The device of that name, ignoring case, spaces and hyphens. */
  public Optional<Device> find(String name) {
    return Optional.ofNullable(byKey.get(HardwareNames.key(name)));
  }

  /** Every device, in table order. */
  public List<Device> devices() {
    return List.copyOf(byKey.values());
  }
}
