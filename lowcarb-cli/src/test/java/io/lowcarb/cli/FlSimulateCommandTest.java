package io.lowcarb.cli;

import static io.lowcarb.cli.Cli.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb fl simulate} as a user runs it. */
class FlSimulateCommandTest {
  @TempDir Path dir;

  @Test
  void badInputIsOneLineAndExitTwo() {
    assertUsageError(Cli.inProcess("fl", "simulate", "--strategy", "krum"), "unknown strategy 'krum'");
    assertUsageError(Cli.inProcess("fl", "simulate", "--partition", "zipf"), "unknown partition 'zipf'");
    assertUsageError(Cli.inProcess("fl", "simulate", "--compress", "gzip"), "unknown compression 'gzip'");
    assertUsageError(Cli.inProcess("fl", "simulate", "--select", "cheapest"), "unknown selection 'cheapest'");
    assertUsageError(Cli.inProcess("fl", "simulate", "--fraction", "0"), "--fraction must be in (0, 1]");
    assertUsageError(Cli.inProcess("fl", "simulate", "--fraction", "1.5"), "--fraction must be in (0, 1]");
    assertUsageError(Cli.inProcess("fl", "simulate", "--clients", "0"), "--clients must be >= 1");
    assertUsageError(Cli.inProcess("fl", "simulate", "--clients", "3", "--min-clients", "4"), "--min-clients");
    assertUsageError(Cli.inProcess("fl", "simulate", "--zones", "ES,XX"), "unknown zone 'XX'");
    assertUsageError(Cli.inProcess("fl", "simulate", "--model", "mlp:x"), "--model mlp:UNITS needs a positive number");
    assertUsageError(Cli.inProcess("fl", "simulate", "--zones", "ES", "--zone-series", "FR=fr.csv"), "not one of --zones");
    assertUsageError(Cli.inProcess("fl", "simulate", "--zone-series", "ES=es.csv"), "--zone-series needs --zones");
    assertUsageError(Cli.inProcess("fl", "simulate", "--strategy", "trimmed-mean:0.7"), "[0, 0.5)");
  }

  @Test
  void simulatesWritesTheJsonContractAndRecordsARun() throws Exception {
    Path json = dir.resolve("fl.json");
    String store = "jdbc:h2:file:" + dir.resolve("runs");
    Path log = dir.resolve("log");
    Process p = Cli.spawn(log, Map.of("LOWCARB_STORE", store), "fl", "simulate", "--clients", "6", "--fraction",
        "0.5", "--rounds", "3", "--model", "mlp:32", "--partition", "dirichlet:0.5", "--compress", "int8",
        "--select", "greenest", "--zones", "ES,NO,PL", "--json", json.toString(), "--out",
        dir.resolve("out").toString());
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(log);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).contains("fl: round 1/3", "fl: round 3/3", "fl: final accuracy", "(estimate)");
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("final_accuracy").asDouble()).isBetween(0.3, 1.0);
    assertThat(r.get("rounds").asInt()).isEqualTo(3);
    assertThat(r.get("bytes_sent").asLong()).isPositive();
    assertThat(r.get("energy_kwh").asDouble()).isPositive();
    assertThat(r.get("emissions_kg").asDouble()).isPositive();
    assertThat(r.get("co2_saved_vs_random_kg").asDouble()).isPositive();
    assertThat(r.get("compression").asText()).isEqualTo("int8");
    assertThat(r.get("selection").asText()).isEqualTo("greenest");
    assertThat(r.get("strategy").asText()).isEqualTo("fedavg");
    assertThat(r.get("network_energy_method").asText()).startsWith("estimated: bytes x KWH_PER_GB").contains("Aslan");
    JsonNode round = r.get("per_round").get(0);
    for (String field : new String[] {"round", "accuracy", "bytes", "energy_kwh", "network_kwh", "emissions_kg",
        "clients", "refused"}) {
      assertThat(round.has(field)).as(field).isTrue();
    }
    assertThat(round.get("clients")).hasSize(3);
    // how every energy figure was obtained: the clients' by this machine's meter, the network's estimated
    String training = r.get("training").get("energy_method").asText();
    assertThat(training).isIn("measured", "estimated", "mixed");
    assertThat(r.get("training").get("uncertainty_pct").asDouble()).isPositive();
    assertThat(r.get("network").get("energy_method").asText()).isEqualTo("estimated");
    assertThat(r.get("network").get("uncertainty_pct").asDouble()).isEqualTo(100.0);
    assertThat(r.get("energy_method").asText()).as("clients and network").isIn("estimated", "mixed");
    assertThat(r.get("uncertainty_pct").asDouble()).isPositive();
    for (JsonNode each : r.get("per_round")) {
      assertThat(each.get("energy_method").asText()).isIn("estimated", "mixed");
      assertThat(each.has("uncertainty_pct")).isTrue();
      assertThat(each.get("training").get("energy_method").asText()).isEqualTo(training);
      assertThat(each.get("per_client")).hasSize(3).allSatisfy(c -> {
        assertThat(c.get("energy_method").asText()).isIn("measured", "estimated", "mixed");
        assertThat(c.get("uncertainty_pct").asDouble()).isPositive();
        assertThat(c.get("energy_kwh").asDouble()).isPositive();
      });
    }
    // the text says the same, and never "measured" for an estimate
    assertThat(text).contains("client energy ").contains("(" + training + " +/-").contains("(estimated +/-100 %");
    if (!training.equals("measured")) {
      assertThat(text).doesNotContain("measured");
    }
    // the three clients in Norway and Spain, never Poland's
    round.get("clients").forEach(c -> assertThat(c.asText()).isIn("client-0", "client-1", "client-3", "client-4"));
    assertThat(dir.resolve("out/model-0003.params")).exists();
    assertThat(dir.resolve("out/model.json")).exists();

    String runs = Cli.inProcessJson(store);
    assertThat(runs).contains("\"kind\" : \"fl\"").contains("\"status\" : \"finished\"").contains("lowcarb fl simulate").contains("co2_saved_vs_random_kg")
        .contains("round_bytes");
  }
}
