package io.lowcarb.energy.rapl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the RAPL domains under a powercap sysfs root. */
public final class Powercap {
  /** Where Linux exposes powercap. */
  public static final Path SYSFS = Path.of("/sys/class/powercap");

  /** Directory prefixes of RAPL zones: Intel's driver (also used for AMD CPUs) and its MMIO variant. */
  private static final List<String> PREFIXES = List.of("intel-rapl:", "intel-rapl-mmio:", "amd-rapl:");

  /** The hint given when {@code energy_uj} is not readable. */
  public static final String PERMISSION_FIX =
      "run as root, or make the counters readable: sudo chmod a+r /sys/class/powercap/intel-rapl:*/energy_uj"
          + " /sys/class/powercap/intel-rapl:*/*/energy_uj (until reboot; a udev rule makes it permanent)";

  private Powercap() {}

  /** The domains under {@code root}, readable or not, in a stable order; empty when there are none. */
  public static List<RaplDomain> scan(Path root) {
    return scan(root, SysfsReader.FILES);
  }

  /** The domains under {@code root}, read through {@code reader}. */
  public static List<RaplDomain> scan(Path root, SysfsReader reader) {
    List<RaplDomain> domains = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return domains;
    }
    try (DirectoryStream<Path> zones = Files.newDirectoryStream(root)) {
      for (Path zone : zones) {
        String id = zone.getFileName().toString();
        Optional<String> prefix = PREFIXES.stream().filter(id::startsWith).findFirst();
        if (prefix.isPresent()) {
          domain(zone, id, prefix.get(), reader).ifPresent(domains::add);
        }
      }
    } catch (IOException e) {
      return domains;
    }
    domains.sort(Comparator.comparing(RaplDomain::id));
    return domains;
  }

  private static Optional<RaplDomain> domain(Path dir, String id, String prefix, SysfsReader reader) {
    String name;
    try {
      name = reader.read(dir.resolve("name")).trim();
    } catch (IOException e) {
      return Optional.empty(); // not a domain
    }
    int socket = socketOf(id.substring(prefix.length()));
    long maxRange = readLong(reader, dir.resolve("max_energy_range_uj")).orElse(0L);
    Optional<String> problem = problemReading(reader, dir.resolve("energy_uj"));
    if (problem.isEmpty() && maxRange <= 0) {
      problem = Optional.of(dir.resolve("max_energy_range_uj") + " is missing or not positive");
    }
    return Optional.of(new RaplDomain(dir, id, name, socket, maxRange, problem));
  }

  private static int socketOf(String indices) {
    String first = indices.split(":")[0];
    try {
      return Integer.parseInt(first);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Optional<String> problemReading(SysfsReader reader, Path energy) {
    try {
      Long.parseLong(reader.read(energy).trim());
      return Optional.empty();
    } catch (AccessDeniedException e) {
      return Optional.of(energy + " is not readable by this user (permission denied)");
    } catch (IOException e) {
      return Optional.of(energy + " cannot be read: " + e.getMessage());
    } catch (NumberFormatException e) {
      return Optional.of(energy + " does not hold a number");
    }
  }

  private static Optional<Long> readLong(SysfsReader reader, Path file) {
    try {
      return Optional.of(Long.parseLong(reader.read(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Reads one counter, in µJ. */
  static long readEnergyUj(SysfsReader reader, RaplDomain domain) throws IOException {
    return Long.parseLong(reader.read(domain.directory().resolve("energy_uj")).trim());
  }
}
