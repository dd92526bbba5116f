package io.lowcarb.cli;

import io.lowcarb.advise.Option;
import io.lowcarb.advise.region.Region;
import io.lowcarb.schedule.window.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best region now and the best window there: {@code lowcarb advise} with time-resolved
 * intensity for some of its regions. A series belongs to a region whose zone it names, or whose
 * grid it names (a series for FR serves {@code aws:eu-west-3}).
 */
final class AdviseWindow {
  private AdviseWindow() {}

  /**
   * A region's intensity now.
   *
   * @param region the region
   * @param gPerKwh the grid intensity of the series' slot that covers now, gCO2e/kWh
   */
  record RegionNow(Region region, double gPerKwh) {
    /** Intensity at the plug of the IT equipment: grid intensity times the region's PUE, gCO2e/kWh. */
    double effective() {
      return gPerKwh * region.pue();
    }
  }

  /**
   * What the series say.
   *
   * @param now when "now" was
   * @param regions every ranked region with a series, least effective intensity now first
   * @param option the best ranked option whose region has a series
   * @param estimate its estimated running time, rounded up to whole seconds
   * @param plan its greenest contiguous window before the deadline
   */
  record Result(Instant now, List<RegionNow> regions, Option option, Duration estimate, Plan plan) {
    /** The option's emissions run in its window, kgCO2e (its energy x its region's PUE x the window's mean intensity). */
    double emissionsKg() {
      return option.energyKwh() * option.region().pue() * plan.avgIntensity() / 1000;
    }

    /** The option's emissions run at once, kgCO2e. */
    double runNowEmissionsKg() {
      return option.energyKwh() * option.region().pue() * plan.runNowAvgIntensity() / 1000;
    }
  }

  /**
   * Finds the best region now among the ranked options' regions that have a series, and the
   * greenest window before {@code deadline} for the best of those options.
   *
   * @param ranked the options, best first
   * @param zones the series, each named by its zone
   * @throws UsageException for a deadline that is not ahead, a series no ranked region takes, a
   *     series that does not cover now, or a window the job does not fit in
   */
  static Result find(List<Option> ranked, List<ScheduleSource.Zone> zones, Instant now, Instant deadline) {
    if (!deadline.isAfter(now)) {
      throw new UsageException("the deadline " + deadline + " is in the past");
    }
    Map<Region, ScheduleSource.Zone> series = new LinkedHashMap<>();
    for (ScheduleSource.Zone z : zones) {
      String name = z.place().zone();
      List<Region> taking = ranked.stream().map(Option::region).distinct().filter(r -> takes(r, name)).toList();
      if (taking.isEmpty()) {
        throw new UsageException("the series for " + name + " is not for any region advised on (name it ZONE=FILE "
            + "with a zone of --regions, or add its zone to --regions)");
      }
      taking.forEach(r -> series.merge(r, z, (had, other) -> r.zone().equalsIgnoreCase(name) ? other : had));
    }
    List<RegionNow> regions = new ArrayList<>();
    series.forEach((region, z) -> regions.add(new RegionNow(region, z.place().search().slots().at(now).orElseThrow(
        () -> new UsageException("the series for " + z.place().zone() + " covers " + z.place().search().slots().start()
            + " to " + z.place().search().slots().end() + ", not now (" + now + ")")))));
    regions.sort(Comparator.comparingDouble(RegionNow::effective));
    Option best = ranked.stream().filter(o -> series.containsKey(o.region())).findFirst().orElseThrow();
    Duration estimate = Duration.ofSeconds(Math.max(1, (long) Math.ceil(best.hours() * 3600)));
    try {
      Plan plan = series.get(best.region()).place().search().contiguous(now, deadline, estimate);
      return new Result(now, regions, best, estimate, plan);
    } catch (IllegalArgumentException e) {
      throw new UsageException(best.hardwareName() + " in " + best.regionName() + " (" + Durations.text(estimate)
          + " estimated): " + e.getMessage());
    }
  }

  /** Whether the series of zone {@code name} gives the region's intensity. */
  static boolean takes(Region region, String name) {
    return region.zone().equalsIgnoreCase(name) || region.grid().equalsIgnoreCase(name);
  }
}
