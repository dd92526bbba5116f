package io.lowcarb.schedule.provider;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live providers by name, configured from the environment:
 *
 * <ul>
 *   <li>{@code electricitymaps}: token in {@code LOWCARB_ELECTRICITYMAPS_TOKEN}, base URL override
 *       in {@code LOWCARB_ELECTRICITYMAPS_URL};
 *   <li>{@code watttime}: {@code LOWCARB_WATTTIME_USER} and {@code LOWCARB_WATTTIME_PASSWORD},
 *       {@code LOWCARB_WATTTIME_URL};
 *   <li>{@code uk}: no key, {@code LOWCARB_UKCI_URL}.
 * </ul>
 *
 * Responses are cached in {@code $LOWCARB_CACHE/intensity} (default {@code ~/.cache/lowcarb/intensity}).
 */
public final class Providers {
  /** The source names {@link #create} knows. */
  public static final List<String> SOURCES = List.of("electricitymaps", "watttime", "uk");

  /** The Electricity Maps API token. */
  public static final String ELECTRICITYMAPS_TOKEN = "LOWCARB_ELECTRICITYMAPS_TOKEN";
  /** A base URL in place of {@link ElectricityMapsProvider#DEFAULT_BASE}. */
  public static final String ELECTRICITYMAPS_URL = "LOWCARB_ELECTRICITYMAPS_URL";
  /** The WattTime user name. */
  public static final String WATTTIME_USER = "LOWCARB_WATTTIME_USER";
  /** The WattTime password. */
  public static final String WATTTIME_PASSWORD = "LOWCARB_WATTTIME_PASSWORD";
  /** A base URL in place of {@link WattTimeProvider#DEFAULT_BASE}. */
  public static final String WATTTIME_URL = "LOWCARB_WATTTIME_URL";
  /** A base URL in place of {@link UkCarbonIntensityProvider#DEFAULT_BASE}. */
  public static final String UKCI_URL = "LOWCARB_UKCI_URL";

  private Providers() {}

  /** {@link #create(String, String, Map)} with this process's environment. */
  public static ForecastingProvider create(String source, String zone) {
    return create(source, zone, System.getenv());
  }

  /** {@link #create(String, String, Map, HttpSettings)} with default settings, the cache where {@code env} says. */
  public static ForecastingProvider create(String source, String zone, Map<String, String> env) {
    return create(source, zone, env, HttpSettings.builder().cacheDir(HttpSettings.defaultCacheDir(env)).build());
  }

  /**
   * The provider named {@code source} for {@code zone}.
   *
   * @param source {@code electricitymaps}, {@code watttime} or {@code uk} (case does not matter)
   * @param zone the provider's zone: {@code DE}; {@code CAISO_NORTH}; {@code GB} or a postcode like {@code RG10}
   * @param env where tokens and base-URL overrides are read
   * @param settings timeouts, retries and cache
   * @throws IllegalArgumentException for an unknown source, a bad zone or a bad URL override
   * @throws ProviderException when the source's token or login is not set
   */
  public static ForecastingProvider create(String source, String zone, Map<String, String> env, HttpSettings settings) {
    String name = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "electricitymaps" -> new ElectricityMapsProvider(
          zone, env.get(ELECTRICITYMAPS_TOKEN), url(env, ELECTRICITYMAPS_URL, ElectricityMapsProvider.DEFAULT_BASE), settings);
      case "watttime" -> new WattTimeProvider(
          zone, env.get(WATTTIME_USER), env.get(WATTTIME_PASSWORD), url(env, WATTTIME_URL, WattTimeProvider.DEFAULT_BASE), settings);
      case "uk" -> new UkCarbonIntensityProvider(zone, url(env, UKCI_URL, UkCarbonIntensityProvider.DEFAULT_BASE), settings);
      default -> throw new IllegalArgumentException(
          "unknown intensity source '" + source + "': use one of " + String.join(", ", SOURCES));
    };
  }

  private static URI url(Map<String, String> env, String variable, URI fallback) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      URI uri = URI.create(value.strip());
      ApiUrl.base(uri, variable);
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + " must be an http or https URL such as " + fallback + ", got '" + value + "'");
    }
  }
}
