package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.schedule.api.Catalog.Location;
import io.lowcarb.schedule.window.BestWindow;
import io.lowcarb.schedule.window.Plan;
import io.lowcarb.schedule.window.Slots;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Carbon Aware SDK's questions, answered from a {@link Catalog}: measured intensity by
 * location, the best location, the greenest forecast window and the mean over a period. The
 * parameters and defaults are the SDK's; a request it cannot answer throws {@link
 * InvalidRequestException} naming the parameter.
 */
public final class CarbonAwareQueries {
  private static final int NAMES_LISTED = 20;

  private final Catalog catalog;
  private final InstantSource clock;
  private final Duration horizon;

  /**
   * @param catalog the locations
   * @param clock what "now" is: the default time of emissions and forecast queries
   * @param forecastHorizon how far ahead a forecast reaches when the request gives no end
   */
  public CarbonAwareQueries(Catalog catalog, InstantSource clock, Duration forecastHorizon) {
    if (forecastHorizon.isNegative() || forecastHorizon.isZero()) {
      throw new IllegalArgumentException("the forecast horizon must be positive, got " + forecastHorizon);
    }
    this.catalog = catalog;
    this.clock = clock;
    this.horizon = forecastHorizon;
  }

  /** The locations answered for. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * The measured intensity periods of each location that overlap {@code [time, toTime)}, in the
   * order of the locations. As in the SDK, {@code time} defaults to now and {@code toTime} to
   * {@code time}, which gives the period in effect at {@code time}. Empty when no location has
   * data then.
   *
   * @param locations location names
   * @param time the start, or null
   * @param toTime the end (exclusive), or null; needs {@code time}
   */
  public List<EmissionsData> emissions(List<String> locations, Instant time, Instant toTime) {
    List<Location> found = locations(locations);
    if (toTime != null && time == null) {
      throw new InvalidRequestException("time", "time must be given when toTime is");
    }
    Instant from = time != null ? time : clock.instant();
    Instant to = toTime != null ? toTime : from;
    if (toTime != null && !from.isBefore(to)) {
      throw new InvalidRequestException("time", "time (" + from + ") must be before toTime (" + to + ")");
    }
    List<EmissionsData> out = new ArrayList<>();
    for (Location l : found) {
      for (IntensityPoint p : observed(l.intensity(), from, to)) {
        out.add(new EmissionsData(l.name(), p.start(), p.gPerKwh(), p.duration()));
      }
    }
    return out;
  }

  /**
   * The lowest-intensity periods among {@link #emissions}: every period that has the lowest
   * rating (several on a tie, as in the SDK). Empty when there is no data.
   */
  public List<EmissionsData> best(List<String> locations, Instant time, Instant toTime) {
    List<EmissionsData> all = emissions(locations, time, toTime);
    double min = all.stream().mapToDouble(EmissionsData::rating).min().orElse(Double.NaN);
    return all.stream().filter(e -> e.rating() == min).toList();
  }

  /**
   * A forecast and its greenest window, as the SDK's current forecast. The forecast is asked for
   * {@code [dataStartAt, dataEndAt)}, by default from now to the forecast horizon; the range
   * used then defaults to the forecast's first and last periods. {@code forecastData} holds the
   * mean over {@code windowSize} starting at {@code dataStartAt} and every period after, up to
   * the last window that ends by {@code dataEndAt}; {@code optimalDataPoints} holds the greenest
   * window of that length anywhere in the range (it may start between two of those points, and
   * is never worse than the best of them). Both are empty when the range is shorter than the
   * window.
   *
   * @param location a location name
   * @param dataStartAt the start of the range, or null
   * @param dataEndAt the end of the range (exclusive), or null
   * @param windowSize the workload's length in minutes; null or 0 for one forecast period
   */
  public EmissionsForecast currentForecast(String location, Instant dataStartAt, Instant dataEndAt, Integer windowSize) {
    Location l = location("location", location);
    if (windowSize != null && windowSize < 0) {
      throw new InvalidRequestException("windowSize", "windowSize must be a whole number of minutes >= 0, got " + windowSize);
    }
    if (dataStartAt != null && dataEndAt != null && !dataStartAt.isBefore(dataEndAt)) {
      throw new InvalidRequestException("dataStartAt",
          "dataStartAt (" + dataStartAt + ") must be before dataEndAt (" + dataEndAt + ")");
    }
    Instant requestedAt = clock.instant();
    Instant from = dataStartAt != null ? dataStartAt : requestedAt;
    Instant to = dataEndAt != null ? dataEndAt : from.plus(horizon);
    if (!from.isBefore(to)) {
      throw new InvalidRequestException("dataEndAt",
          "dataEndAt (" + to + ") must be after dataStartAt, which defaults to now (" + from + ")");
    }
    Forecast forecast;
    try {
      forecast = l.forecast().forecast(from, to);
    } catch (IntensityUnavailableException e) {
      throw new InvalidRequestException(dataStartAt != null ? "dataStartAt" : "location",
          "no forecast for " + l.name() + " from " + from + " to " + to + ": " + e.getMessage());
    }
    List<IntensityPoint> points = forecast.points();
    Instant start = dataStartAt != null ? dataStartAt : points.getFirst().start();
    Instant end = dataEndAt != null ? dataEndAt : points.getLast().end();
    if (start.isBefore(points.getFirst().start()) || end.isAfter(points.getLast().end())) {
      throw new InvalidRequestException("dataStartAt", "the forecast for " + l.name() + " covers "
          + points.getFirst().start() + " to " + points.getLast().end() + ", not " + start + " to " + end);
    }
    Slots slots;
    try {
      slots = Slots.from(points);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("location", "the forecast for " + l.name() + " is unusable: " + e.getMessage());
    }
    Duration step = slots.step();
    Duration window = windowSize == null || windowSize == 0 ? step : Duration.ofMinutes(windowSize);
    long minutes = window.toMinutes();
    SlotMeans means = new SlotMeans(slots);
    List<ForecastPoint> rolling = new ArrayList<>();
    for (Instant s = start; !s.plus(window).isAfter(end); s = s.plus(step)) {
      rolling.add(new ForecastPoint(l.name(), s, minutes, means.mean(s, s.plus(window))));
    }
    List<ForecastPoint> optimal = List.of();
    if (window.compareTo(Duration.between(start, end)) <= 0) {
      Plan plan = new BestWindow(slots).contiguous(start, end, window);
      optimal = List.of(new ForecastPoint(l.name(), plan.start(), minutes, plan.avgIntensity()));
    }
    return new EmissionsForecast(forecast.generatedAt(), requestedAt, l.name(), start, end, minutes, optimal, rolling);
  }

  /**
   * The time-weighted mean measured intensity over {@code [startTime, endTime)}, both required.
   *
   * @throws InvalidRequestException also when the data does not cover the whole period
   */
  public CarbonIntensity average(String location, Instant startTime, Instant endTime) {
    Location l = location("location", location);
    if (startTime == null) {
      throw new InvalidRequestException("startTime", "startTime is required");
    }
    if (endTime == null) {
      throw new InvalidRequestException("endTime", "endTime is required");
    }
    if (!startTime.isBefore(endTime)) {
      throw new InvalidRequestException("startTime",
          "startTime (" + startTime + ") must be before endTime (" + endTime + ")");
    }
    List<IntensityPoint> points;
    try {
      points = l.intensity().between(startTime, endTime);
    } catch (IntensityUnavailableException e) {
      throw new InvalidRequestException("startTime",
          "the data for " + l.name() + " does not cover " + startTime + " to " + endTime + ": " + e.getMessage());
    }
    double total = seconds(startTime, endTime);
    double sum = 0;
    double covered = 0;
    for (IntensityPoint p : points) {
      Instant a = p.start().isAfter(startTime) ? p.start() : startTime;
      Instant b = p.end().isBefore(endTime) ? p.end() : endTime;
      if (a.isBefore(b)) {
        double s = seconds(a, b);
        sum += p.gPerKwh() * s;
        covered += s;
      }
    }
    if (Math.abs(covered - total) > 1e-6 * total) {
      throw new InvalidRequestException("startTime",
          "the data for " + l.name() + " does not cover all of " + startTime + " to " + endTime);
    }
    return new CarbonIntensity(l.name(), startTime, endTime, sum / total);
  }

  private static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }

  /** Periods overlapping {@code [from, to)}, or covering {@code from} when the two are equal; gaps allowed. */
  private static List<IntensityPoint> observed(CarbonIntensityProvider provider, Instant from, Instant to) {
    if (provider instanceof IntensitySeries series) {
      return series.points().stream()
          .filter(p -> from.equals(to) ? p.covers(from) : p.start().isBefore(to) && p.end().isAfter(from))
          .toList();
    }
    try {
      return provider.between(from, to);
    } catch (IntensityUnavailableException e) {
      return List.of(); // as the SDK's sources: no data is an empty answer
    }
  }

  private List<Location> locations(List<String> names) {
    List<String> given = names.stream().filter(n -> n != null && !n.isBlank()).toList();
    if (given.isEmpty()) {
      throw new InvalidRequestException("location", "location is required (repeat it for several locations)");
    }
    return given.stream().map(n -> location("location", n)).toList();
  }

  private Location location(String parameter, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException(parameter, parameter + " is required");
    }
    return catalog.find(name).orElseThrow(() -> {
      List<Location> all = catalog.locations();
      String known = all.stream().limit(NAMES_LISTED).map(Location::name).collect(Collectors.joining(", "))
          + (all.size() > NAMES_LISTED ? ", ..." : "");
      return new InvalidRequestException(parameter,
          "unknown location '" + name + "'" + (all.isEmpty() ? "; no locations are configured" : "; known: " + known));
    });
  }
}
