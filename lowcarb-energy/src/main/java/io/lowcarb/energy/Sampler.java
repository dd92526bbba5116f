package io.lowcarb.energy;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.Emissions;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.ActivitySource;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every sensor once per interval and keeps cumulative counters, energy and emissions, from
 * which any task's figures are a difference. Sampling is serialised; a sample can be forced at any
 * time (when a task starts or ends), so that tasks shorter than the interval are still measured.
 */
final class Sampler {
  private final Clock clock;
  private final ActivitySource activity;
  private final List<EnergySensor> sensors;
  private final CarbonIntensityProvider intensity;
  private final double pue;

  private final double[] machineJoules;
  private final double[] processJoules;
  private double machineGrams;
  private double processGrams;
  private double utilisationSeconds;
  private double ramUsedByteSeconds;
  private double seconds;
  private double lastGPerKwh = Double.NaN;
  private final Map<Component, Double> lastWatts = new EnumMap<>(Component.class);
  private final Set<String> warnings = new LinkedHashSet<>();
  private Instant lastWall;
  private long lastMono;
  private volatile Totals latest;

  Sampler(
      Clock clock,
      ActivitySource activity,
      List<EnergySensor> sensors,
      CarbonIntensityProvider intensity,
      double pue,
      List<String> notes) {
    this.warnings.addAll(notes);
    this.clock = clock;
    this.activity = activity;
    this.sensors = List.copyOf(sensors);
    this.intensity = intensity;
    this.pue = pue;
    this.machineJoules = new double[sensors.size()];
    this.processJoules = new double[sensors.size()];
    // The first sample only starts the counters.
    lastWall = clock.wallTime();
    lastMono = clock.monotonicNanos();
    activity.next(lastWall, 0);
    try {
      lastGPerKwh = intensity.at(lastWall).gPerKwh();
    } catch (IntensityUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Activity none = new Activity(lastWall, 0, 0, 0, 0, 0, 0);
    for (EnergySensor sensor : this.sensors) {
      sensor.sample(none);
    }
    latest = snapshot();
  }

  List<EnergySensor> sensors() {
    return sensors;
  }

  CarbonIntensityProvider intensity() {
    return intensity;
  }

  double pue() {
    return pue;
  }

  /** The counters as of the last sample, without sampling. */
  Totals latest() {
    return latest;
  }

  /** Mean power per component over the last interval, in W (machine scope). */
  synchronized Map<Component, Double> lastWatts() {
    return new EnumMap<>(lastWatts);
  }

  synchronized List<String> warnings() {
    return new ArrayList<>(warnings);
  }

  /** Samples now and returns the counters. */
  synchronized Totals sample() {
    Instant wall = clock.wallTime();
    long mono = clock.monotonicNanos();
    double dt = Math.max(0, (mono - lastMono) / 1e9);
    Activity interval;
    try {
      interval = activity.next(lastWall, dt);
    } catch (RuntimeException e) {
      warnings.add("activity could not be read (" + e.getMessage() + "): an interval was skipped");
      lastWall = wall;
      lastMono = mono;
      return latest;
    }
    double gPerKwh = intensityOver(lastWall, dt);
    Map<Component, Double> watts = new EnumMap<>(Component.class);
    double intervalMachineJ = 0;
    double intervalProcessJ = 0;
    for (int i = 0; i < sensors.size(); i++) {
      EnergySensor sensor = sensors.get(i);
      EnergyDelta delta;
      try {
        delta = sensor.sample(interval);
      } catch (RuntimeException e) {
        warnings.add(sensor.name() + " failed to read (" + e.getMessage() + "): an interval was skipped");
        continue;
      }
      machineJoules[i] += delta.machineJoules();
      processJoules[i] += delta.processJoules();
      intervalMachineJ += delta.machineJoules();
      intervalProcessJ += delta.processJoules();
      if (dt > 0) {
        watts.merge(sensor.component(), delta.machineJoules() / dt, Double::sum);
      }
    }
    machineGrams += Units.grams(intervalMachineJ, gPerKwh, pue);
    processGrams += Units.grams(intervalProcessJ, gPerKwh, pue);
    utilisationSeconds += interval.machineUtilisation() * dt;
    ramUsedByteSeconds += (double) interval.machineUsedBytes() * dt;
    seconds += dt;
    if (dt > 0) {
      lastWatts.clear();
      lastWatts.putAll(watts);
    }
    lastWall = wall;
    lastMono = mono;
    latest = snapshot();
    return latest;
  }

  private double intensityOver(Instant from, double dt) {
    try {
      lastGPerKwh = Emissions.meanIntensity(intensity, from, Duration.ofNanos((long) (dt * 1e9)));
    } catch (IntensityUnavailableException e) {
      if (Double.isNaN(lastGPerKwh)) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      warnings.add(e.getMessage() + ": the last known value, " + lastGPerKwh + " gCO2e/kWh, was held");
    }
    return lastGPerKwh;
  }

  private Totals snapshot() {
    return new Totals(
        lastWall,
        lastMono,
        machineJoules.clone(),
        processJoules.clone(),
        machineGrams,
        processGrams,
        utilisationSeconds,
        ramUsedByteSeconds,
        seconds);
  }

  void close() {
    for (EnergySensor sensor : sensors) {
      try {
        sensor.close();
      } catch (RuntimeException e) {
        // closing: nothing to report to
      }
    }
  }
}
