package io.lowcarb.energy.nvml;

import java.util.ArrayList;
import java.util.List;

/**
 * Which NVML devices a job may use, from {@code CUDA_VISIBLE_DEVICES}: unset means all; a comma
 * list of indices or UUIDs (a unique prefix is enough) selects, and, as in CUDA, the list ends at
 * the first entry that names no device. Indices are NVML's (PCI bus order, as with {@code
 * CUDA_DEVICE_ORDER=PCI_BUS_ID}).
 */
public final class VisibleDevices {
  private VisibleDevices() {}

  /**
   * @param variable the value of {@code CUDA_VISIBLE_DEVICES}, or null when unset
   * @param uuids the UUID of each NVML device, by index
   * @return the NVML indices selected, in the order given
   */
  public static List<Integer> select(String variable, List<String> uuids) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < uuids.size(); i++) {
      all.add(i);
    }
    if (variable == null) {
      return all;
    }
    List<Integer> selected = new ArrayList<>();
    for (String raw : variable.split(",", -1)) {
      String entry = raw.trim();
      int index = resolve(entry, uuids);
      if (index < 0 || selected.contains(index)) {
        break;
      }
      selected.add(index);
    }
    return selected;
  }

  private static int resolve(String entry, List<String> uuids) {
    if (entry.matches("\\d+")) {
      try {
        int index = Integer.parseInt(entry);
        return index < uuids.size() ? index : -1;
      } catch (NumberFormatException e) {
        return -1; // too large to name a device
      }
    }
    if (entry.startsWith("GPU-")) {
      int found = -1;
      for (int i = 0; i < uuids.size(); i++) {
        if (uuids.get(i).startsWith(entry)) {
          if (found >= 0) {
            return -1; // ambiguous prefix
          }
          found = i;
        }
      }
      return found;
    }
    return -1;
  }
}
