package io.lowcarb.schedule.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Average (lifecycle) carbon intensity from the Electricity Maps API v3, in gCO2e/kWh: {@code
 * carbon-intensity/latest}, {@code history} (the last 24 hours), {@code past-range} (older times, in
 * requests of at most {@link #PAST_RANGE_LIMIT}) and {@code forecast}. The token goes in the {@code
 * auth-token} header. Measured values have kind {@code SERIES}, forecast ones {@code FORECAST}.
 */
public final class ElectricityMapsProvider implements ForecastingProvider {
  /** The provider's name in messages. */
  public static final String NAME = "Electricity Maps";
  /** The API's base URL. */
  public static final URI DEFAULT_BASE = URI.create("https://api.electricitymap.org/v3");
  /** The longest range one {@code past-range} request may cover at hourly granularity. */
  public static final Duration PAST_RANGE_LIMIT = Duration.ofDays(10);

  private static final String SOURCE = "Electricity Maps v3";
  private static final String HINT = "set LOWCARB_ELECTRICITYMAPS_TOKEN to a valid token from the Electricity Maps portal";
  private static final Duration HOUR = Duration.ofHours(1);
  // history covers the last 24 hours; an hour's margin for its first period.
  private static final Duration HISTORY_SPAN = Duration.ofHours(23);

  private final String zone;
  private final String token;
  private final String base;
  private final ProviderHttp http;

  /**
   * @param zone an Electricity Maps zone: {@code DE}, {@code FR}, {@code US-CAL-CISO}
   * @param token the API token
   * @param base the API's base URL, normally {@link #DEFAULT_BASE}
   * @param settings timeouts, retries and cache
   * @throws ProviderException when the token is missing
   */
  public ElectricityMapsProvider(String zone, String token, URI base, HttpSettings settings) {
    if (zone == null || zone.isBlank()) {
      throw new IllegalArgumentException("Electricity Maps needs a zone such as DE or US-CAL-CISO");
    }
    if (token == null || token.isBlank()) {
      throw new ProviderException(NAME, 0, NAME + " needs an API token: set LOWCARB_ELECTRICITYMAPS_TOKEN");
    }
    this.zone = zone.strip();
    this.token = token.strip();
    this.base = ApiUrl.base(base, "the Electricity Maps URL");
    this.http = new ProviderHttp(NAME, settings);
  }

  @Override
  public String zone() {
    return zone;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  /**
   * The most recent value, from {@code carbon-intensity/latest}.
   *
   * @throws IntensityUnavailableException when Electricity Maps has no value for the zone now
   */
  public IntensityPoint latest() throws IntensityUnavailableException {
    Instant now = http.settings().clock().wallTime();
    ResponseJson json = new ResponseJson(NAME, "carbon-intensity/latest");
    Optional<IntensityPoint> latest = get("carbon-intensity/latest", params(), now, fetched -> {
      JsonNode root = json.parse(fetched.body());
      return ResponseJson.isNull(root, "carbonIntensity")
          ? Optional.<IntensityPoint>empty()
          : Optional.of(point(json, root, "", IntensityKind.SERIES, fetched));
    });
    return latest.orElseThrow(() -> new IntensityUnavailableException(NAME + " has no latest intensity for " + zone));
  }

  /** The measured values of the last 24 hours, from {@code carbon-intensity/history}, in time order. */
  public List<IntensityPoint> history() {
    Instant now = http.settings().clock().wallTime();
    return list("carbon-intensity/history", params(), "history", IntensityKind.SERIES, now);
  }

  /**
   * The measured hourly values in {@code [from, to)}, from {@code carbon-intensity/past-range}: a
   * range longer than {@link #PAST_RANGE_LIMIT} is asked for in several requests, merged without
   * duplicates.
   */
  public List<IntensityPoint> pastRange(Instant from, Instant to) {
    List<IntensityPoint> merged = List.of();
    for (Periods.Range chunk : Periods.split(Periods.floor(from, HOUR), Periods.ceil(to, HOUR), PAST_RANGE_LIMIT)) {
      Map<String, String> params = params();
      params.put("start", chunk.from().toString());
      params.put("end", chunk.to().toString());
      merged = Periods.merge(merged, list("carbon-intensity/past-range", params, "data", IntensityKind.SERIES, chunk.to()));
    }
    return merged;
  }

  @Override
  public List<IntensityPoint> forecast(Instant from, Instant to) throws IntensityUnavailableException {
    List<IntensityPoint> all = forecastPoints(to);
    return Periods.forecastWithin(NAME + " has no forecast for " + zone, all, from, to);
  }

  @Override
  public IntensityPoint at(Instant time) throws IntensityUnavailableException {
    Instant now = http.settings().clock().wallTime();
    if (!time.isAfter(now) && time.isAfter(now.minus(Duration.ofHours(2)))) {
      IntensityPoint latest = latest();
      if (latest.covers(time)) {
        return latest;
      }
    }
    return between(time, time.plusNanos(1)).getFirst();
  }

  /**
   * Measured values for the past part of the range (history for the last day, past-range before),
   * the forecast for the future part, and the latest value where neither covers the present.
   */
  @Override
  public List<IntensityPoint> between(Instant from, Instant to) throws IntensityUnavailableException {
    Instant end = to.isAfter(from) ? to : from.plusNanos(1);
    Instant now = http.settings().clock().wallTime();
    List<IntensityPoint> past = new ArrayList<>();
    if (from.isBefore(now)) {
      Instant pastEnd = end.isBefore(now) ? end : now;
      if (from.isBefore(now.minus(HISTORY_SPAN))) {
        past.addAll(pastRange(from, pastEnd));
      }
      if (pastEnd.isAfter(now.minus(HISTORY_SPAN))) {
        past = Periods.merge(past, history());
      }
    }
    List<IntensityPoint> future = end.isAfter(now) ? forecastPoints(end) : List.of();
    List<IntensityPoint> merged = Periods.merge(past, future);
    if (!now.isBefore(from) && now.isBefore(end) && !Periods.covers(merged, now)) {
      merged = Periods.merge(past, List.of(latest()), future);
    }
    return Periods.cover(zone, SOURCE, merged, from, end);
  }

  private List<IntensityPoint> forecastPoints(Instant until) {
    Instant now = http.settings().clock().wallTime();
    Map<String, String> params = params();
    if (until.isAfter(now.plus(Duration.ofHours(24)))) {
      // The default horizon is 24 hours; 72 is the longest offered.
      params.put("horizonHours", "72");
    }
    return list("carbon-intensity/forecast", params, "forecast", IntensityKind.FORECAST, until);
  }

  private Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("zone", zone);
    return params;
  }

  private <T> T get(String endpoint, Map<String, String> params, Instant dataEnd, Function<Fetched, T> read) {
    URI uri = ApiUrl.of(base, endpoint, params);
    ApiCall call = new ApiCall(uri, () -> Map.of("auth-token", token), http.settings().freshFor(dataEnd), true, "the token", HINT);
    return http.get(call, read);
  }

  private List<IntensityPoint> list(String endpoint, Map<String, String> params, String field, IntensityKind kind, Instant dataEnd) {
    return get(endpoint, params, dataEnd, fetched -> read(endpoint, field, kind, fetched));
  }

  private static List<IntensityPoint> read(String endpoint, String field, IntensityKind kind, Fetched fetched) {
    ResponseJson json = new ResponseJson(NAME, endpoint);
    JsonNode items = json.array(json.parse(fetched.body()), "", field);
    List<IntensityPoint> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      // A null value is a period Electricity Maps has no figure for: a gap, not a broken response.
      if (!ResponseJson.isNull(item, "carbonIntensity")) {
        out.add(point(json, item, field + "[" + i + "]", kind, fetched));
      }
    }
    return Periods.merge(out);
  }

  private static IntensityPoint point(ResponseJson json, JsonNode node, String where, IntensityKind kind, Fetched fetched) {
    Instant start = json.time(node, where, "datetime");
    double g = json.intensity(node, where, "carbonIntensity");
    return new IntensityPoint(start, granularity(json, node, where), g, kind, fetched.label(SOURCE), fetched.fetchedAt());
  }

  private static Duration granularity(ResponseJson json, JsonNode node, String where) {
    JsonNode g = node.get("temporalGranularity");
    if (g == null || g.isNull()) {
      return HOUR;
    }
    return switch (g.asText()) {
      case "5_minutes" -> Duration.ofMinutes(5);
      case "15_minutes" -> Duration.ofMinutes(15);
      case "hourly" -> HOUR;
      case "daily" -> Duration.ofDays(1);
      default -> throw json.bad("'" + (where.isEmpty() ? "" : where + ".") + "temporalGranularity' " + g.asText() + " that lowcarb does not handle");
    };
  }
}
