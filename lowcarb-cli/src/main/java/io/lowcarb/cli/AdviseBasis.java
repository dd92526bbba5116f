package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyBasis.Obtained;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the energy of the run that {@code lowcarb advise} starts from was obtained, and how uncertain
 * it is: from the run's own {@code energy_method} and {@code uncertainty_pct}; for a stored run,
 * from the store's, or, for a run stored before the store kept uncertainties, from each component's
 * method at the figure docs/measure.md documents for it. A run that says nothing of its method is
 * refused rather than given one.
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
  /** A figure labelled estimated, mixed or given, or a sum of steps, with no uncertainty: the widest of the table. */
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
   * The basis of a stored run: the store's own method and uncertainty of the total when it kept
   * them; for a run stored before it did, each component's method at its stored uncertainty, or at
   * the figure docs/measure.md documents for that method where none was stored, combined as the
   * components of one measurement are: in quadrature.
   *
   * @throws UsageException for a component whose method says nothing of how it was obtained (an
   *     import from CodeCarbon, which may have measured or estimated)
   */
  static Found ofStored(Run run) {
    Footprint footprint = run.footprint().orElseThrow();
    if (footprint.basis().isPresent()) {
      return new Found(footprint.basis().get(), "the method and uncertainty the store keeps for the run");
    }
    List<EnergyFigure> figures = footprint.energy().stream().filter(f -> f.kwh() > 0).toList();
    if (figures.isEmpty()) {
      throw new UsageException("run " + run.id() + " keeps no energy per component, so how it was obtained is unknown");
    }
    List<EnergyBasis.Part> parts = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (EnergyFigure f : figures) {
      EnergyBasis b = component(run, f);
      parts.add(new EnergyBasis.Part(f.kwh(), b));
      used.add(String.format(Locale.ROOT, "%s %s %.0f %%%s", f.component(), f.method(), b.uncertaintyPct(),
          f.knownUncertaintyPct().isPresent() ? "" : " documented"));
    }
    return new Found(EnergyBasis.sumOfIndependent(parts), "the store keeps no uncertainty for this run's total: "
        + "each component's method at its stored uncertainty, or the documented figure of that method ("
        + String.join(", ", used) + "), in quadrature");
  }

  private static EnergyBasis component(Run run, EnergyFigure f) {
    EnergyBasis.Obtained method = f.obtained().orElseThrow(() -> new UsageException("run " + run.id() + ": its "
        + f.component() + " energy's method is '" + f.method() + "', which does not say whether it was measured or "
        + "estimated: give --energy-kwh E --hours H --energy-uncertainty PCT instead"));
    return new EnergyBasis(method, f.knownUncertaintyPct().orElseGet(() -> documentedPct(f)));
  }

  /** The uncertainty docs/measure.md gives a component's method, %, for a figure stored without one. */
  private static double documentedPct(EnergyFigure f) {
    return switch (f.method().toLowerCase(Locale.ROOT)) {
      case "rapl", "measured" -> RAPL_PCT;
      case "nvml" -> NVML_PCT;
      case "override" -> CPU_OVERRIDE_PCT;
      case "estimate" -> switch (f.component().toLowerCase(Locale.ROOT)) {
        case "ram" -> RAM_ESTIMATE_PCT;
        case "network" -> NetworkEnergy.UNCERTAINTY_PCT;
        default -> CPU_ESTIMATE_PCT;
      };
      default -> WIDEST_PCT; // estimated, mixed, given, or a sum of steps' methods
    };
  }
}
