package io.lowcarb.cli;

import io.lowcarb.advise.hardware.Device;
import io.lowcarb.advise.hardware.HardwareCatalog;
import io.lowcarb.advise.hardware.Instance;
import io.lowcarb.advise.region.Region;
import io.lowcarb.advise.region.RegionCatalog;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code lowcarb advise --list hardware|regions}: the built-in tables with their sources. */
final class AdviseTables {
  private AdviseTables() {}

  static void print(PrintWriter out, String what, HardwareCatalog catalog, RegionCatalog regions) {
    switch (what.toLowerCase(Locale.ROOT)) {
      case "hardware" -> {
        out.printf(Locale.ROOT, "%-22s %-4s %7s %9s %9s %9s %7s  %s%n", "device", "kind", "TDP W", "fp32 TF", "fp16 TF", "int8 TOPS", "year", "source");
        for (Device d : catalog.devices().devices()) {
          out.printf(Locale.ROOT, "%-22s %-4s %7.0f %9s %9s %9s %7s  %s%n", d.name(), d.kind().name().toLowerCase(Locale.ROOT),
              d.tdpWatts(), num(d.fp32Tflops()), num(d.fp16Tflops()), num(d.int8Tops()), d.year(), d.source());
        }
        out.println();
        out.printf(Locale.ROOT, "%-34s %5s %-22s %-20s %8s %5s  %s%n", "instance", "vCPU", "cpu", "accelerators", "mem GB", "year", "source");
        for (Instance i : catalog.instances().instances()) {
          out.printf(Locale.ROOT, "%-34s %5d %-22s %-20s %8.0f %5s  %s%n", i.name(), i.vcpus(), i.cpu().name(),
              i.accelerators().map(a -> a.name()).orElse("-"), i.memoryGb(), i.year(), i.source());
        }
      }
      case "regions" -> {
        out.printf(Locale.ROOT, "%-30s %9s %5s %5s  %s%n", "region", "g/kWh", "PUE", "year", "source");
        for (Region r : regions.cloud()) {
          out.printf(Locale.ROOT, "%-30s %9.1f %5.2f %5s  %s%n", r.zone(), r.gPerKwh(), r.pue(), r.year(), r.source());
        }
        out.println("(and every grid zone of lowcarb zones, at PUE 1)");
      }
      default -> throw new UsageException("--list must be hardware or regions, got '" + what + "'");
    }
  }

  private static String num(java.util.OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
  }
}
