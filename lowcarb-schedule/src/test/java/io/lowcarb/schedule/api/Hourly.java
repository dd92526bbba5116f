package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small hourly series for tests. */
final class Hourly {
  static final Instant T0 = Instant.parse("2023-06-01T00:00:00Z");
  static final Instant FETCHED = Instant.parse("2023-05-31T23:00:00Z");

  private Hourly() {}

  static Instant at(double hours) {
    return T0.plusSeconds(Math.round(hours * 3600));
  }

  static IntensitySeries series(String zone, double... values) {
    List<IntensityPoint> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new IntensityPoint(at(i), Duration.ofHours(1), values[i], IntensityKind.SERIES, "test", FETCHED));
    }
    return new IntensitySeries(zone, "test", points);
  }

  /** The mean over [from, to) by summing minute by minute: independent of the code under test. */
  static double minuteMean(double[] hourly, Instant from, Instant to) {
    long a = (from.getEpochSecond() - T0.getEpochSecond()) / 60;
    long b = (to.getEpochSecond() - T0.getEpochSecond()) / 60;
    double sum = 0;
    for (long m = a; m < b; m++) {
      sum += hourly[(int) (m / 60)];
    }
    return sum / (b - a);
  }
}
