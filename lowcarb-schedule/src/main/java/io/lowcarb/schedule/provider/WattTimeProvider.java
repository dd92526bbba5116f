package io.lowcarb.schedule.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.Units;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Marginal operating emissions rates ({@code co2_moer}) from the WattTime API v3: {@code
 * /v3/historical} (in requests of at most {@link #HISTORICAL_LIMIT}) and {@code /v3/forecast}.
 * WattTime gives lbs CO2/MWh; values here are converted to gCO2/kWh ({@link
 * #G_PER_KWH_PER_LB_PER_MWH}), with kind {@code MARGINAL} or {@code MARGINAL_FORECAST}. A marginal
 * rate answers "what does one more kWh emit", not the grid average: the source string says so.
 *
 * <p>Logs in with HTTP basic auth at {@code /login} for a bearer token that lasts 30 minutes; logs
 * in again before it runs out, and once more if the API answers 401 all the same.
 */
public final class WattTimeProvider implements ForecastingProvider {
  /** The provider's name in messages. */
  public static final String NAME = "WattTime";
  /** The API's base URL. */
  public static final URI DEFAULT_BASE = URI.create("https://api.watttime.org");
  /** The longest range one historical request covers (the API allows about 32 days). */
  public static final Duration HISTORICAL_LIMIT = Duration.ofDays(30);
  /** gCO2/kWh in one lb CO2/MWh: 453.59237 g per 1000 kWh ({@link Units#G_PER_KWH_PER_LB_PER_MWH}). */
  public static final double G_PER_KWH_PER_LB_PER_MWH = Units.G_PER_KWH_PER_LB_PER_MWH;

  private static final String SOURCE = "WattTime v3 marginal (co2_moer)";
  private static final String UNITS = "lbs_co2_per_mwh";
  private static final String LOGIN_HINT = "check LOWCARB_WATTTIME_USER and LOWCARB_WATTTIME_PASSWORD";
  private static final Duration STEP = Duration.ofMinutes(5);
  // Tokens last 30 minutes; renew a minute early rather than race the expiry.
  private static final Duration TOKEN_LIFE = Duration.ofMinutes(29);

  private final String region;
  private final String user;
  private final String password;
  private final String base;
  private final ProviderHttp http;
  private String token;
  private Instant tokenExpires;

  /**
   * @param region a WattTime region: {@code CAISO_NORTH}, {@code PJM_DC}
   * @param user the WattTime user name
   * @param password its password
   * @param base the API's base URL, normally {@link #DEFAULT_BASE}
   * @param settings timeouts, retries and cache
   * @throws ProviderException when the user name or password is missing
   */
  public WattTimeProvider(String region, String user, String password, URI base, HttpSettings settings) {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("WattTime needs a region such as CAISO_NORTH");
    }
    if (user == null || user.isBlank() || password == null || password.isEmpty()) {
      throw new ProviderException(NAME, 0, NAME + " needs a login: set LOWCARB_WATTTIME_USER and LOWCARB_WATTTIME_PASSWORD");
    }
    this.region = region.strip();
    this.user = user.strip();
    this.password = password;
    this.base = ApiUrl.base(base, "the WattTime URL");
    this.http = new ProviderHttp(NAME, settings);
  }

  @Override
  public String zone() {
    return region;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  /**
   * The marginal rates in {@code [from, to)}, from {@code /v3/historical}: a range longer than
   * {@link #HISTORICAL_LIMIT} is asked for in several requests, merged without duplicates.
   */
  public List<IntensityPoint> historical(Instant from, Instant to) {
    List<IntensityPoint> merged = List.of();
    for (Periods.Range chunk : Periods.split(Periods.floor(from, STEP), Periods.ceil(to, STEP), HISTORICAL_LIMIT)) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("region", region);
      params.put("start", chunk.from().toString());
      params.put("end", chunk.to().toString());
      params.put("signal_type", "co2_moer");
      merged = Periods.merge(merged, list("v3/historical", params, IntensityKind.MARGINAL, chunk.to()));
    }
    return merged;
  }

  @Override
  public List<IntensityPoint> forecast(Instant from, Instant to) throws IntensityUnavailableException {
    List<IntensityPoint> all = forecastPoints(to);
    return Periods.forecastWithin(NAME + " has no forecast for " + region, all, from, to);
  }

  @Override
  public IntensityPoint at(Instant time) throws IntensityUnavailableException {
    return between(time, time.plusNanos(1)).getFirst();
  }

  /** Historical rates for the past part of the range, the forecast for the rest. */
  @Override
  public List<IntensityPoint> between(Instant from, Instant to) throws IntensityUnavailableException {
    Instant end = to.isAfter(from) ? to : from.plusNanos(1);
    Instant now = http.settings().clock().wallTime();
    List<IntensityPoint> past = from.isBefore(now) ? historical(from, end.isBefore(now) ? end : now) : List.of();
    List<IntensityPoint> future = end.isAfter(now) ? forecastPoints(end) : List.of();
    return Periods.cover(region, SOURCE, Periods.merge(past, future), from, end);
  }

  private List<IntensityPoint> forecastPoints(Instant until) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("region", region);
    params.put("signal_type", "co2_moer");
    if (until.isAfter(http.settings().clock().wallTime().plus(Duration.ofHours(24)))) {
      // The default horizon is 24 hours; 72 is the longest offered.
      params.put("horizon_hours", "72");
    }
    return list("v3/forecast", params, IntensityKind.MARGINAL_FORECAST, until);
  }

  private List<IntensityPoint> list(String endpoint, Map<String, String> params, IntensityKind kind, Instant dataEnd) {
    return get(endpoint, params, dataEnd, fetched -> read(endpoint, kind, fetched));
  }

  private static List<IntensityPoint> read(String endpoint, IntensityKind kind, Fetched fetched) {
    ResponseJson json = new ResponseJson(NAME, endpoint);
    JsonNode root = json.parse(fetched.body());
    JsonNode data = json.array(root, "", "data");
    Duration period = STEP;
    JsonNode meta = root.get("meta");
    if (meta != null && !meta.isNull()) {
      if (meta.hasNonNull("units") && !UNITS.equals(meta.get("units").asText())) {
        throw json.bad("'meta.units' " + meta.get("units").asText() + " where lowcarb expects " + UNITS);
      }
      if (meta.hasNonNull("data_point_period_seconds")) {
        period = Duration.ofSeconds((long) json.number(meta, "meta", "data_point_period_seconds"));
        if (!period.isPositive()) {
          throw json.bad("'meta.data_point_period_seconds' that is not positive");
        }
      }
    }
    List<IntensityPoint> out = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode item = data.get(i);
      String where = "data[" + i + "]";
      if (ResponseJson.isNull(item, "value")) {
        continue; // a period WattTime has no figure for: a gap
      }
      Instant start = json.time(item, where, "point_time");
      double g = json.intensity(item, where, "value") * G_PER_KWH_PER_LB_PER_MWH;
      out.add(new IntensityPoint(start, period, g, kind, fetched.label(SOURCE), fetched.fetchedAt()));
    }
    return Periods.merge(out);
  }

  private <T> T get(String endpoint, Map<String, String> params, Instant dataEnd, Function<Fetched, T> read) {
    ApiCall call = new ApiCall(
        ApiUrl.of(base, endpoint, params),
        () -> Map.of("Authorization", "Bearer " + token()),
        http.settings().freshFor(dataEnd),
        true,
        "the request for region " + region,
        LOGIN_HINT + ", and that your plan covers " + region + " (free accounts cover CAISO_NORTH only)");
    try {
      return http.get(call, read);
    } catch (ProviderException e) {
      if (e.status() != 401 || e.request().endsWith("/login")) {
        throw e;
      }
      // The token was revoked or expired early: log in once more.
      forgetToken();
      return http.get(call, read);
    }
  }

  private synchronized String token() {
    Instant now = http.settings().clock().wallTime();
    if (token == null || !now.isBefore(tokenExpires)) {
      token = login();
      tokenExpires = now.plus(TOKEN_LIFE);
    }
    return token;
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private String login() {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    // Never cached: the answer is a secret.
    ApiCall call = new ApiCall(ApiUrl.of(base, "login", Map.of()), () -> Map.of("Authorization", "Basic " + basic),
        Duration.ZERO, false, "the login", LOGIN_HINT);
    return http.get(call, fetched -> {
      try {
        ResponseJson json = new ResponseJson(NAME, "login");
        return json.text(json.parse(fetched.body()), "", "token");
      } catch (ProviderException e) {
        // Say no more: the body may hold the token.
        throw new ProviderException(NAME, 200, NAME + " sent a login response without a token: its API may have changed,"
            + " or LOWCARB_WATTTIME_URL points elsewhere");
      }
    });
  }
}
