package io.lowcarb.schedule.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Half-hourly carbon intensity of Great Britain from the UK Carbon Intensity API (National Grid
 * ESO; no key), in gCO2/kWh: national ({@code /intensity/...}) or for the region of an outward
 * postcode ({@code /regional/intensity/.../postcode/RG10}). A period with an actual value has kind
 * {@code SERIES}; one with only a forecast (the future, and every regional period) has kind {@code
 * FORECAST}.
 */
public final class UkCarbonIntensityProvider implements ForecastingProvider {
  /** The provider's name in messages. */
  public static final String NAME = "UK Carbon Intensity API";
  /** The API's base URL. */
  public static final URI DEFAULT_BASE = URI.create("https://api.carbonintensity.org.uk");
  /** The longest range one request covers (the API allows 14 days). */
  public static final Duration RANGE_LIMIT = Duration.ofDays(13);

  private static final Duration HALF_HOUR = Duration.ofMinutes(30);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

  private final String zone;
  private final String postcode;
  private final String source;
  private final String base;
  private final ProviderHttp http;

  /**
   * @param zone {@code GB} for Great Britain as a whole, or an outward postcode ({@code RG10}; a
   *     full postcode is cut to its outward part) for its region
   * @param base the API's base URL, normally {@link #DEFAULT_BASE}
   * @param settings timeouts, retries and cache
   */
  public UkCarbonIntensityProvider(String zone, URI base, HttpSettings settings) {
    String z = zone == null ? "" : zone.strip().toUpperCase(Locale.ROOT);
    if (z.equals("GB") || z.equals("UK")) {
      this.zone = "GB";
      this.postcode = null;
      this.source = NAME;
    } else {
      String outward = z.split("\\s+")[0];
      if (!OUTWARD.matcher(outward).matches()) {
        throw new IllegalArgumentException(
            "the UK Carbon Intensity API takes GB or an outward postcode such as RG10, got '" + zone + "'");
      }
      this.zone = outward;
      this.postcode = outward;
      this.source = NAME + ", region of " + outward;
    }
    this.base = ApiUrl.base(base, "the UK Carbon Intensity API URL");
    this.http = new ProviderHttp(NAME, settings);
  }

  @Override
  public String zone() {
    return zone;
  }

  @Override
  public String source() {
    return source;
  }

  /** The 48 hours from the half hour holding {@code from} ({@code .../fw48h}), cut to {@code [from, to)}. */
  @Override
  public List<IntensityPoint> forecast(Instant from, Instant to) throws IntensityUnavailableException {
    Instant start = Periods.floor(from, HALF_HOUR);
    String range = TIME.format(start) + "/fw48h";
    List<IntensityPoint> all = fetch(range, start.plus(Duration.ofHours(48)));
    return Periods.forecastWithin(source + " has no forecast", all, from, to);
  }

  @Override
  public IntensityPoint at(Instant time) throws IntensityUnavailableException {
    return between(time, time.plusNanos(1)).getFirst();
  }

  /** Past and future alike from {@code .../{from}/{to}}, in requests of at most {@link #RANGE_LIMIT}. */
  @Override
  public List<IntensityPoint> between(Instant from, Instant to) throws IntensityUnavailableException {
    Instant end = to.isAfter(from) ? to : from.plusNanos(1);
    List<IntensityPoint> merged = List.of();
    for (Periods.Range chunk : Periods.split(Periods.floor(from, HALF_HOUR), Periods.ceil(end, HALF_HOUR), RANGE_LIMIT)) {
      merged = Periods.merge(merged, fetch(TIME.format(chunk.from()) + "/" + TIME.format(chunk.to()), chunk.to()));
    }
    return Periods.cover(zone, source, merged, from, end);
  }

  private List<IntensityPoint> fetch(String range, Instant dataEnd) {
    String endpoint = postcode == null ? "intensity/" + range : "regional/intensity/" + range + "/postcode/" + postcode;
    ApiCall call = new ApiCall(ApiUrl.of(base, endpoint, Map.of()), Map::of, http.settings().freshFor(dataEnd),
        true, "the request", "the API needs no key; check LOWCARB_UKCI_URL");
    return http.get(call, this::read);
  }

  private List<IntensityPoint> read(Fetched fetched) {
    ResponseJson json = new ResponseJson(NAME, postcode == null ? "intensity" : "regional intensity");
    JsonNode root = json.parse(fetched.body());
    JsonNode periods;
    String where;
    if (postcode == null) {
      periods = json.array(root, "", "data");
      where = "data";
    } else {
      // {"data": {"regionid": .., "data": [..]}}; some regional endpoints wrap the region in a list.
      JsonNode region = json.field(root, "", "data");
      if (region.isArray()) {
        if (region.isEmpty()) {
          throw json.bad("an empty 'data' list");
        }
        region = region.get(0);
      }
      periods = json.array(region, "data", "data");
      where = "data.data";
    }
    List<IntensityPoint> out = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      IntensityPoint p = point(json, periods.get(i), where + "[" + i + "]", fetched);
      if (p != null) {
        out.add(p);
      }
    }
    return Periods.merge(out);
  }

  private IntensityPoint point(ResponseJson json, JsonNode node, String where, Fetched fetched) {
    Instant start = json.time(node, where, "from");
    Instant end = json.time(node, where, "to");
    if (!end.isAfter(start)) {
      throw json.bad("a period '" + where + "' that ends before it starts");
    }
    JsonNode intensity = json.field(node, where, "intensity");
    String at = where + ".intensity";
    if (intensity.hasNonNull("actual")) {
      double g = json.intensity(intensity, at, "actual");
      return new IntensityPoint(start, Duration.between(start, end), g, IntensityKind.SERIES, fetched.label(source), fetched.fetchedAt());
    }
    if (ResponseJson.isNull(intensity, "forecast")) {
      return null; // neither actual nor forecast: a gap
    }
    double g = json.intensity(intensity, at, "forecast");
    return new IntensityPoint(start, Duration.between(start, end), g, IntensityKind.FORECAST, fetched.label(source), fetched.fetchedAt());
  }
}
