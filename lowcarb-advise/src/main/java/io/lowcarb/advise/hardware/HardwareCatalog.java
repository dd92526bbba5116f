package io.lowcarb.advise.hardware;

import io.lowcarb.advise.names.NamePatterns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hardware chosen by name from the built-in tables. A name is an instance type
 * ({@code aws:p4d.24xlarge}, or {@code p4d.24xlarge} alone), a device ({@code T4},
 * {@code EPYC-7763}: one accelerator, or every core of one CPU package) or {@code N x device}
 * ({@code 4xA100-SXM4-80GB}); any of them may be a glob ({@code aws:*}, {@code A100*}).
 */
public final class HardwareCatalog {
  private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*[xX]\\s*(\\D.*)");

  private final DeviceTable devices;
  private final InstanceTable instances;

  public HardwareCatalog(DeviceTable devices, InstanceTable instances) {
    this.devices = devices;
    this.instances = instances;
  }

  /** The catalog of the built-in tables. */
  public static HardwareCatalog builtIn() {
    return new HardwareCatalog(DeviceTable.builtIn(), InstanceTable.builtIn());
  }

  /** The device table. */
  public DeviceTable devices() {
    return devices;
  }

  /** The instance table. */
  public InstanceTable instances() {
    return instances;
  }

  /**
   * The hardware the names or globs choose, without repeats, in the order asked.
   *
   * @throws io.lowcarb.advise.names.UnknownNameException for a name or glob that matches nothing
   * @throws IllegalArgumentException for a count of zero
   */
  public List<Hardware> select(List<String> specs) {
    LinkedHashSet<Hardware> chosen = new LinkedHashSet<>();
    for (String spec : specs) {
      String pattern = spec.trim();
      int count = 1;
      Matcher m = COUNT.matcher(pattern);
      if (m.matches()) {
        count = Integer.parseInt(m.group(1));
        pattern = m.group(2).trim();
        if (count < 1) {
          throw new IllegalArgumentException("hardware '" + spec + "': the count must be at least 1");
        }
      }
      int n = count;
      boolean counted = m.matches();
      List<Hardware> candidates = new ArrayList<>();
      if (!counted) {
        candidates.addAll(instances.instances());
      }
      devices.devices().forEach(d -> candidates.add(of(d, n)));
      chosen.addAll(NamePatterns.selectAliased("hardware", pattern, candidates, HardwareCatalog::aliases, HardwareNames::key));
    }
    return new ArrayList<>(chosen);
  }

  private static List<String> aliases(Hardware h) {
    return switch (h) {
      case Instance i -> List.of(i.name(), i.type());
      case Accelerators a -> List.of(a.device().name());
      case CpuCores c -> List.of(c.cpu().name());
    };
  }

  /** {@code count} accelerators, or every core of {@code count} packages of a CPU. */
  public static Hardware of(Device device, int count) {
    return device.kind().accelerator() ? new Accelerators(device, count) : CpuCores.packages(device, count);
  }
}
