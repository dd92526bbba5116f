package io.lowcarb.fl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyBasis.Obtained;
import io.lowcarb.fl.NetworkEnergy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a federation's energy figures carry their method and uncertainty, in the result and its JSON. */
class FlResultTest {
  @TempDir Path dir;

  private static final EnergyBasis ESTIMATED = new EnergyBasis(Obtained.ESTIMATED, 30);
  private static final EnergyBasis MEASURED = new EnergyBasis(Obtained.MEASURED, 10);

  /** A round of two clients, 1 kWh each ("a" estimated, "b" measured), at 100 and 300 g/kWh. */
  private static RoundRecord round(int n, ClientMeters meters, long bytes) {
    List<ClientEnergy> clients = List.of(new ClientEnergy("a", 1, ESTIMATED, 100, 1),
        new ClientEnergy("b", 1, MEASURED, 300, 1));
    double network = NetworkEnergy.kwh(bytes);
    return new RoundRecord(n, 0.5, bytes, 2, meters.round(clients), network, (400 + network * 200) / 1000,
        (400 + network * 200) / 1000, List.of("a", "b"), clients, List.of());
  }

  @Test
  void clientsOnMachinesOfTheirOwnAddInQuadratureAndEachClientsRoundsLinearly() {
    FlResult r = new FlResult("fedavg", "none", "random", ClientMeters.EACH_OWN,
        List.of(round(1, ClientMeters.EACH_OWN, 0), round(2, ClientMeters.EACH_OWN, 0)));
    // per round: sqrt(0.3^2 + 0.1^2) / 2
    assertThat(r.perRound().getFirst().energyBasis().orElseThrow().uncertaintyPct())
        .isCloseTo(100 * Math.hypot(0.3, 0.1) / 2, within(1e-9));
    // over rounds: each client 2 kWh at its own percentage, then the two in quadrature
    EnergyBasis total = r.energyBasis().orElseThrow();
    assertThat(total.method()).isEqualTo(Obtained.MIXED);
    assertThat(total.uncertaintyPct()).isCloseTo(100 * Math.hypot(0.6, 0.2) / 4, within(1e-9));
  }

  @Test
  void clientsMeasuredByOneMeterShareItsErrorAndAddLinearly() {
    FlResult r = new FlResult("fedavg", "none", "random", ClientMeters.ONE_SHARED,
        List.of(round(1, ClientMeters.ONE_SHARED, 0), round(2, ClientMeters.ONE_SHARED, 0)));
    assertThat(r.perRound().getFirst().energyBasis().orElseThrow().uncertaintyPct()).isCloseTo(20, within(1e-9));
    assertThat(r.energyBasis().orElseThrow().uncertaintyPct()).isCloseTo(20, within(1e-9));
  }

  @Test
  void theNetworksEstimateMakesTheTotalEstimatedOrMixedNeverMeasured() {
    List<ClientEnergy> measured = List.of(new ClientEnergy("b", 1, MEASURED, 300, 1));
    long bytes = 1_000_000_000L; // 0.06 kWh
    RoundRecord round = new RoundRecord(1, 0.5, bytes, 1, ClientMeters.EACH_OWN.round(measured), 0.06, 0.3, 0.3,
        List.of("b"), measured, List.of());
    FlResult r = new FlResult("fedavg", "none", "random", ClientMeters.EACH_OWN, List.of(round));
    assertThat(r.energyBasis().orElseThrow().method()).isEqualTo(Obtained.MEASURED);
    EnergyBasis total = r.totalBasis().orElseThrow();
    assertThat(total.method()).isEqualTo(Obtained.MIXED);
    assertThat(total.uncertaintyPct()).isCloseTo(100 * Math.hypot(0.1, 0.06) / 1.06, within(1e-9));
  }

  @Test
  void aRoundWithNoClientEnergyHasNoTrainingBasisAndAnOlderRoundsTotalCountsAsOneFigure() {
    RoundRecord empty = new RoundRecord(1, 0.5, 100, 0, Optional.empty(), NetworkEnergy.kwh(100), 0, 0, List.of(),
        List.of(), List.of("a: refused"));
    RoundRecord older = new RoundRecord(2, 0.5, 0, 3, Optional.of(ClientEnergy.UNLABELLED), 0, 0, 0, List.of("a"),
        List.of(), List.of());
    FlResult r = new FlResult("fedavg", "none", "random", ClientMeters.EACH_OWN, List.of(empty, older));
    assertThat(empty.energyBasis()).isEmpty();
    assertThat(empty.totalBasis().orElseThrow().method()).isEqualTo(Obtained.ESTIMATED);
    assertThat(empty.totalBasis().orElseThrow().uncertaintyPct()).isCloseTo(NetworkEnergy.UNCERTAINTY_PCT, within(1e-9));
    assertThat(r.energyBasis().orElseThrow()).isEqualTo(ClientEnergy.UNLABELLED);
  }

  @Test
  void theJsonHoldsMethodAndUncertaintyBesideEveryEnergyFigureAtTheTopInEachRoundAndForEachClient()
      throws IOException {
    FlResult r = new FlResult("fedavg", "int8", "greenest", ClientMeters.EACH_OWN,
        List.of(round(1, ClientMeters.EACH_OWN, 2_000_000), round(2, ClientMeters.EACH_OWN, 2_000_000)));
    Path file = dir.resolve("fl.json");
    r.writeJson(file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertBasis(json, r.totalBasis().orElseThrow());
    assertThat(json.path("total_energy_kwh").asDouble()).isCloseTo(r.totalKwh(), within(1e-12));
    assertBasis(json.path("training"), r.energyBasis().orElseThrow());
    assertThat(json.path("training").path("energy_kwh").asDouble()).isEqualTo(4.0);
    assertBasis(json.path("network"), NetworkEnergy.BASIS);
    assertThat(json.path("network").path("kwh_per_gb").asDouble()).isEqualTo(NetworkEnergy.KWH_PER_GB);
    assertThat(json.path("per_round")).hasSize(2);
    for (JsonNode round : json.path("per_round")) {
      RoundRecord record = r.perRound().get(round.path("round").asInt() - 1);
      assertBasis(round, record.totalBasis().orElseThrow());
      assertBasis(round.path("training"), record.energyBasis().orElseThrow());
      assertBasis(round.path("network"), NetworkEnergy.BASIS);
      assertThat(round.path("per_client")).hasSize(2);
      assertBasis(round.path("per_client").get(0), ESTIMATED);
      assertBasis(round.path("per_client").get(1), MEASURED);
      assertThat(round.path("per_client").get(1).path("emissions_kg").asDouble()).isCloseTo(0.3, within(1e-12));
    }
  }

  private static void assertBasis(JsonNode node, EnergyBasis basis) {
    assertThat(node.path("energy_method").asText()).isEqualTo(basis.method().label());
    assertThat(node.path("uncertainty_pct").asDouble()).isCloseTo(basis.uncertaintyPct(), within(1e-9));
  }
}
