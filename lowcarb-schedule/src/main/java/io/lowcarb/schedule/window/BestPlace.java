package io.lowcarb.schedule.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Location shifting: the best zone and window over several zones, each with its data centre's
 * power usage effectiveness, against running at once in the first (home) zone.
 */
public final class BestPlace {

  /**
   * A zone the job may run in.
   *
   * @param zone its name
   * @param search its intensity series
   * @param pue the power usage effectiveness there (>= 1): facility energy per IT energy
   */
  public record Zone(String zone, BestWindow search, double pue) {
    public Zone {
      if (!(pue >= 1) || Double.isInfinite(pue)) {
        throw new IllegalArgumentException("PUE of " + zone + " must be a number >= 1, got " + pue);
      }
    }
  }

  /**
   * One zone's best window.
   *
   * @param zone the zone
   * @param plan its best window there
   * @param effectiveIntensity the plan's mean intensity times the zone's PUE, gCO2e per kWh of IT energy
   * @param savingsPct emissions saved against running at once in the home zone, percent
   */
  public record Placement(Zone zone, Plan plan, double effectiveIntensity, double savingsPct) {}

  private final List<Zone> zones;

  /** @param zones the candidate zones, the first being where the job would run by default */
  public BestPlace(List<Zone> zones) {
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("location shifting needs at least one zone");
    }
    this.zones = List.copyOf(zones);
  }

  /** Every zone's best contiguous window, best first. */
  public List<Placement> contiguous(Instant earliest, Instant deadline, Duration duration) {
    return rank(z -> z.search().contiguous(earliest, deadline, duration));
  }

  /** Every zone's best interruptible schedule, best first. */
  public List<Placement> interruptible(
      Instant earliest, Instant deadline, Duration duration, Duration minChunk, Duration overhead) {
    return rank(z -> z.search().interruptible(earliest, deadline, duration, minChunk, overhead));
  }

  private List<Placement> rank(Function<Zone, Plan> plan) {
    List<Plan> plans = zones.stream().map(plan).toList();
    Zone home = zones.getFirst();
    Plan homePlan = plans.getFirst();
    double baseline = homePlan.runNowAvgIntensity() * home.pue() * homePlan.runNow().toMillis();
    List<Placement> out = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      Plan p = plans.get(i);
      double effective = p.avgIntensity() * zones.get(i).pue();
      double emitted = effective * p.running().toMillis();
      out.add(new Placement(zones.get(i), p, effective, baseline == 0 ? 0 : 100 * (1 - emitted / baseline)));
    }
    out.sort(Comparator.comparingDouble(Placement::savingsPct).reversed());
    return out;
  }
}
