package io.lowcarb.fl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.RoundRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {
  @Test
  void theClockAdvancesAnHourARoundAndEachZoneIsAskedItsIntensity() {
    List<String> asked = new ArrayList<>();
    GridIntensity grid = (zone, time) -> {
      asked.add(zone + "@" + time);
      return zone.equals("NO") ? 30 : 500;
    };
    List<RoundRecord> seen = new ArrayList<>();
    SimulationSettings s = Federations.digits().clients(4).rounds(2).localEpochs(1).zones(List.of("NO", "PL"))
        .intensity(grid).start(Instant.parse("2025-03-01T10:00:00Z")).build();
    try (var meter = io.lowcarb.energy.Meter.builder().zone("ES").build()) {
      new Simulation(meter).run(Federations.DIGITS, Federations.MLP, s, seen::add);
    }
    assertThat(asked).containsExactly("NO@2025-03-01T10:00:00Z", "PL@2025-03-01T10:00:00Z",
        "NO@2025-03-01T10:00:00Z", "PL@2025-03-01T10:00:00Z", "NO@2025-03-01T11:00:00Z", "PL@2025-03-01T11:00:00Z",
        "NO@2025-03-01T11:00:00Z", "PL@2025-03-01T11:00:00Z");
    assertThat(seen).extracting(RoundRecord::round).containsExactly(1, 2);
    RoundRecord first = seen.getFirst();
    // emissions: the clients' energy at their zones, the network's at the mean of the round's clients
    assertThat(first.emissionsKg()).isGreaterThan(first.networkKwh() * 30 / 1000);
    assertThat(first.randomEmissionsKg()).isPositive();
    // every client that trained, with how this machine's meter obtained its energy
    assertThat(first.perClient()).extracting(ClientEnergy::client).containsExactlyElementsOf(first.clients());
    assertThat(first.perClient()).extracting(ClientEnergy::gPerKwh).allMatch(g -> g == 30 || g == 500);
    assertThat(first.perClient().stream().mapToDouble(ClientEnergy::kwh).sum()).isCloseTo(first.energyKwh(), within(1e-15));
    EnergyBasis one = first.perClient().getFirst().basis();
    if (first.perClient().stream().allMatch(c -> c.basis().equals(one))) {
      // one meter for all: linear, so the round keeps its clients' method and uncertainty
      assertThat(first.energyBasis().orElseThrow().method()).isEqualTo(one.method());
      assertThat(first.energyBasis().orElseThrow().uncertaintyPct()).isCloseTo(one.uncertaintyPct(), within(1e-9));
    }
  }

  @Test
  void anUpdateWithNaNIsRefusedAndTheRoundGoesOn() {
    SimulationSettings s = Federations.digits().clients(4).fraction(1).rounds(2).localEpochs(1)
        .hostile(Map.of(2, new Hostility.Scaled(Double.NaN))).build();
    SimulationResult r = Federations.run(s);
    for (RoundRecord round : r.result().perRound()) {
      assertThat(round.refused()).containsExactly("client-2: value 0 is NaN");
      assertThat(round.clients()).hasSize(4);
    }
    assertThat(r.result().finalAccuracy()).isGreaterThan(0.5);
  }
}
