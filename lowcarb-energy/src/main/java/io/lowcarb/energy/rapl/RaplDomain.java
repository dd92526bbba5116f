package io.lowcarb.energy.rapl;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One powercap RAPL domain, such as {@code intel-rapl:0} ({@code package-0}) or {@code
 * intel-rapl:0:1} ({@code dram}).
 *
 * @param directory the domain's sysfs directory
 * @param id the directory name, for example {@code intel-rapl:0:1}
 * @param name the domain's {@code name} file: {@code package-N}, {@code core}, {@code uncore},
 *     {@code dram} or {@code psys}
 * @param socket the package (socket) index it belongs to
 * @param maxEnergyRangeUj where {@code energy_uj} wraps around, in µJ
 * @param problem why {@code energy_uj} cannot be read, when it cannot
 */
public record RaplDomain(
    Path directory, String id, String name, int socket, long maxEnergyRangeUj, Optional<String> problem) {

  /** Whether the energy counter can be read. */
  public boolean readable() {
    return problem.isEmpty();
  }

  /** What this domain covers. */
  public Kind kind() {
    if (name.startsWith("package")) {
      return Kind.PACKAGE;
    }
    return switch (name) {
      case "dram" -> Kind.DRAM;
      case "psys" -> Kind.PSYS;
      default -> Kind.SUBDOMAIN; // core, uncore: already inside the package figure
    };
  }

  /** The role of a domain in the totals. */
  public enum Kind {
    /** A whole CPU package (socket): counted as CPU energy. */
    PACKAGE,
    /** Memory attached to a socket: counted as RAM energy. */
    DRAM,
    /** The platform (SoC and more): reported, not added, since it overlaps the others. */
    PSYS,
    /** Part of a package (core, uncore): reported, not added. */
    SUBDOMAIN
  }
}
