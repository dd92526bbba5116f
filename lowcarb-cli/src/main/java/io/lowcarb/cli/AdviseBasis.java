package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyBasis.Obtained;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the energy of the run that {@code lowcarb advise} starts from was obtained, and how uncertain
 * it is: from the run's own {@code energy_method} and {@code uncertainty_pct}, or, for a stored run
 * (whose store keeps the method of each component but no uncertainty), from the figure
 * docs/measure.md documents for each method. A run that says nothing of its method is refused
 * rather than given one.
 */
final class AdviseBasis {
  /** {@code --energy-uncertainty}'s default, %: a figure typed in says nothing of how it was obtained. */
  static final double GIVEN_DEFAULT_PCT = 50;

  /** The documented uncertainties of docs/measure.md, %, for a stored component that kept only its method. */
  private static final double RAPL_PCT = 10;
  /** NVML's sampled power; its energy counter is 5 %, but the store does not say which was read. */
  private static final double NVML_PCT = 10;
  /** The CPU estimate of an unknown model, the widest of the CPU estimate's cases (30, 35, 50). */
  private static final double CPU_ESTIMATE_PCT = 50;
  private static final double RAM_ESTIMATE_PCT = 40;
  private static final double CPU_OVERRIDE_PCT = 25;
  /** A figure labelled estimated, mixed or given with no uncertainty: the widest of the table. */
  private static final double WIDEST_PCT = 50;

  private AdviseBasis() {}

  /**
   * A basis, and where it came from in words.
   *
   * @param basis the method and relative uncertainty
   * @param source where they come from, for the assumptions
   */
  record Found(EnergyBasis basis, String source) {}

  /** The figure the user gave with {@code --energy-kwh}, at {@code --energy-uncertainty} or its default. */
  static Found given(Double pct) {
    if (pct != null && (!(pct >= 0) || Double.isInfinite(pct))) {
      throw new UsageException("--energy-uncertainty must be a percentage >= 0, got " + pct);
    }
    return pct != null
        ? new Found(new EnergyBasis(Obtained.GIVEN, pct), "--energy-uncertainty")
        : new Found(new EnergyBasis(Obtained.GIVEN, GIVEN_DEFAULT_PCT), String.format(Locale.ROOT,
            "--energy-uncertainty's default, %.0f %%, since a figure typed in says nothing of how it was obtained",
            GIVEN_DEFAULT_PCT));
  }

  /**
   * The basis a {@code lowcarb train --json} file states: its {@code energy_method} and {@code
   * uncertainty_pct}, or, without them, its epochs' (parts of one run on the same sensors, which add
   * linearly).
   *
   * @throws UsageException when it states neither, or states them wrongly
   */
  static Found ofTrainJson(JsonNode root, Path file) {
    if (root.has("energy_method") || root.has("uncertainty_pct")) {
      return new Found(read(root, file + ""), "its energy_method and uncertainty_pct");
    }
    List<EnergyBasis.Part> parts = new ArrayList<>();
    for (JsonNode epoch : root.path("epochs")) {
      if (!epoch.has("energy_method")) {
        parts.clear();
        break;
      }
      parts.add(new EnergyBasis.Part(epoch.path("energy_kwh").asDouble(),
          read(epoch, file + ", epoch " + epoch.path("epoch").asInt())));
    }
    if (parts.isEmpty()) {
      throw new UsageException(file + " does not say how its energy was obtained (no energy_method and uncertainty_pct;"
          + " an older lowcarb train wrote it): train again, or give --energy-kwh E --hours H --energy-uncertainty PCT");
    }
    return new Found(EnergyBasis.sumOfParts(parts), "its epochs' energy_method and uncertainty_pct, added as parts of one run");
  }

  private static EnergyBasis read(JsonNode node, String where) {
    if (!node.path("energy_method").isTextual() || !node.path("uncertainty_pct").isNumber()) {
      throw new UsageException(where + ": energy_method and uncertainty_pct go together (a word and a number)");
    }
    try {
      return new EnergyBasis(Obtained.ofLabel(node.path("energy_method").asText()), node.path("uncertainty_pct").asDouble());
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + ": " + e.getMessage());
    }
  }

  /**
   * The basis of a stored run: each component's method as the store kept it, at the uncertainty
   * docs/measure.md documents for that method (the store keeps none), combined as the components of
   * one measurement are: in quadrature.
   *
   * @throws UsageException for a component whose method says nothing of how it was obtained (an
   *     import from CodeCarbon, which may have measured or estimated)
   */
  static Found ofStored(Run run) {
    List<EnergyFigure> figures = run.footprint().orElseThrow().energy().stream().filter(f -> f.kwh() > 0).toList();
    if (figures.isEmpty()) {
      throw new UsageException("run " + run.id() + " keeps no energy per component, so how it was obtained is unknown");
    }
    List<EnergyBasis.Part> parts = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (EnergyFigure f : figures) {
      EnergyBasis b = documented(run, f);
      parts.add(new EnergyBasis.Part(f.kwh(), b));
      used.add(String.format(Locale.ROOT, "%s %s %.0f %%", f.component(), f.method(), b.uncertaintyPct()));
    }
    return new Found(EnergyBasis.sumOfIndependent(parts), "the store keeps no uncertainty: the documented figure of "
        + "each component's method (" + String.join(", ", used) + "), in quadrature");
  }

  private static EnergyBasis documented(Run run, EnergyFigure f) {
    String component = f.component().toLowerCase(Locale.ROOT);
    return switch (f.method().toLowerCase(Locale.ROOT)) {
      case "rapl" -> new EnergyBasis(Obtained.MEASURED, RAPL_PCT);
      case "nvml" -> new EnergyBasis(Obtained.MEASURED, NVML_PCT);
      case "override" -> new EnergyBasis(Obtained.ESTIMATED, CPU_OVERRIDE_PCT);
      case "estimate" -> new EnergyBasis(Obtained.ESTIMATED, switch (component) {
        case "ram" -> RAM_ESTIMATE_PCT;
        case "network" -> NetworkEnergy.UNCERTAINTY_PCT;
        default -> CPU_ESTIMATE_PCT;
      });
      case "measured" -> new EnergyBasis(Obtained.MEASURED, RAPL_PCT);
      case "estimated", "mixed", "given" -> new EnergyBasis(Obtained.ofLabel(f.method().toLowerCase(Locale.ROOT)), WIDEST_PCT);
      default -> throw new UsageException("run " + run.id() + ": its " + f.component() + " energy's method is '"
          + f.method() + "', which does not say whether it was measured or estimated: give --energy-kwh E --hours H "
          + "--energy-uncertainty PCT instead");
    };
  }
}
