package io.lowcarb.schedule.provider;

import static io.lowcarb.schedule.provider.ReplayServer.Reply;
import static io.lowcarb.schedule.provider.ReplayServer.resource;
import static io.lowcarb.schedule.provider.TestHttp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory: names, tokens and base URLs from an environment map. */
class ProvidersTest {
  @TempDir Path dir;
  final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpSettings settings() {
    return new TestHttp(dir.resolve("cache")).settings().build();
  }

  @Test
  void anUnknownSourceListsTheKnownOnes() {
    assertThatThrownBy(() -> Providers.create("carbonara", "DE", Map.of(), settings()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown intensity source 'carbonara': use one of electricitymaps, watttime, uk");
  }

  @Test
  void aMissingTokenOrLoginSaysWhichVariableToSet() {
    assertThatThrownBy(() -> Providers.create("electricitymaps", "DE", Map.of(), settings()))
        .isInstanceOf(ProviderException.class)
        .hasMessage("Electricity Maps needs an API token: set LOWCARB_ELECTRICITYMAPS_TOKEN");
    assertThatThrownBy(() -> Providers.create("watttime", "CAISO_NORTH", Map.of("LOWCARB_WATTTIME_USER", "me"), settings()))
        .isInstanceOf(ProviderException.class)
        .hasMessage("WattTime needs a login: set LOWCARB_WATTTIME_USER and LOWCARB_WATTTIME_PASSWORD");
  }

  @Test
  void aBadUrlOverrideIsNamed() {
    Map<String, String> env = Map.of("LOWCARB_UKCI_URL", "ftp://example.org");
    assertThatThrownBy(() -> Providers.create("uk", "GB", env, settings()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LOWCARB_UKCI_URL must be an http or https URL such as https://api.carbonintensity.org.uk, got 'ftp://example.org'");
  }

  @Test
  void electricityMapsTakesItsTokenAndUrlFromTheEnvironment() throws Exception {
    server.on("/v3/carbon-intensity/latest", Reply.json(resource("em-latest.json")));
    Map<String, String> env = Map.of(
        "LOWCARB_ELECTRICITYMAPS_TOKEN", "from-env", "LOWCARB_ELECTRICITYMAPS_URL", server.url("/v3").toString());
    ForecastingProvider p = Providers.create("ElectricityMaps", "DE", env, settings());
    assertThat(p).isInstanceOf(ElectricityMapsProvider.class);
    assertThat(p.at(NOW).gPerKwh()).isEqualTo(302);
    assertThat(server.seen()).singleElement().satisfies(s -> assertThat(s.header("auth-token")).isEqualTo("from-env"));
  }

  @Test
  void wattTimeTakesItsLoginAndUrlFromTheEnvironment() throws Exception {
    server.on("/login", Reply.json(resource("wt-login.json")));
    server.on("/v3/forecast", Reply.json(resource("wt-forecast.json")));
    Map<String, String> env = Map.of("LOWCARB_WATTTIME_USER", "me", "LOWCARB_WATTTIME_PASSWORD", "pw",
        "LOWCARB_WATTTIME_URL", server.url("/").toString());
    ForecastingProvider p = Providers.create("watttime", "CAISO_NORTH", env, settings());
    assertThat(p.forecast(NOW, NOW.plus(Duration.ofMinutes(30)))).hasSize(6);
    assertThat(p.zone()).isEqualTo("CAISO_NORTH");
  }

  @Test
  void theUkApiTakesItsUrlAndTheCacheItsFolderFromTheEnvironment() throws Exception {
    server.on("/intensity/2024-05-21T10:00Z/fw48h", Reply.json(resource("uk-fw48h.json")));
    Map<String, String> env = Map.of("LOWCARB_UKCI_URL", server.url("").toString(), "LOWCARB_CACHE", dir.toString());
    ForecastingProvider p = Providers.create("uk", "GB", env);
    assertThat(p.forecast(NOW, NOW.plus(Duration.ofHours(1)))).hasSize(3);
    assertThat(HttpSettings.defaultCacheDir(env)).isEqualTo(dir.resolve("intensity"));
    try (var files = Files.list(dir.resolve("intensity"))) {
      assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}\\.json"));
    }
  }

  @Test
  void theDefaultCacheIsUnderTheHomeFolder() {
    assertThat(HttpSettings.defaultCacheDir(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "lowcarb", "intensity"));
  }
}
