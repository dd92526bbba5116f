package io.lowcarb.fl.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.fl.NetworkEnergy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A federated training, round by round.
 *
 * @param strategy the aggregation's label ({@code fedavg}, ...)
 * @param compression the compression's label ({@code none}, {@code int8}, {@code topk:0.01})
 * @param selection the selection's label ({@code random}, {@code greenest})
 * @param perRound the rounds run, in order
 */
public record FlResult(String strategy, String compression, String selection, List<RoundRecord> perRound) {
  public FlResult {
    perRound = List.copyOf(perRound);
  }

  /** The global model's test accuracy after the last round, a fraction (0 before any round). */
  public double finalAccuracy() {
    return perRound.isEmpty() ? 0 : perRound.getLast().accuracy();
  }

  /** The number of rounds run. */
  public int rounds() {
    return perRound.size();
  }

  /** All bytes sent, both directions. */
  public long bytesSent() {
    return perRound.stream().mapToLong(RoundRecord::bytes).sum();
  }

  /** The clients' training energy, measured, in kWh (the network's is {@link #networkKwh()}). */
  public double energyKwh() {
    return perRound.stream().mapToDouble(RoundRecord::energyKwh).sum();
  }

  /** The network's energy, estimated from the bytes, in kWh. */
  public double networkKwh() {
    return perRound.stream().mapToDouble(RoundRecord::networkKwh).sum();
  }

  /** All emissions (training and network), in kgCO2e. */
  public double emissionsKg() {
    return perRound.stream().mapToDouble(RoundRecord::emissionsKg).sum();
  }

  /** The emissions avoided against clients at the mean intensity of all available ones, in kgCO2e: an estimate. */
  public double co2SavedKg() {
    return perRound.stream().mapToDouble(r -> r.randomEmissionsKg() - r.emissionsKg()).sum();
  }

  /** Writes the JSON contract to {@code file}, atomically (a temporary file, then a move). */
  public void writeJson(Path file) throws IOException {
    AtomicFile.write(file, this::writeJson);
  }

  private void writeJson(OutputStream o) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("strategy", strategy);
      g.writeStringField("compression", compression);
      g.writeStringField("selection", selection);
      g.writeNumberField("final_accuracy", finalAccuracy());
      g.writeNumberField("rounds", rounds());
      g.writeNumberField("bytes_sent", bytesSent());
      g.writeNumberField("energy_kwh", energyKwh());
      g.writeNumberField("network_kwh", networkKwh());
      g.writeNumberField("emissions_kg", emissionsKg());
      g.writeNumberField("co2_saved_vs_random_kg", co2SavedKg());
      g.writeStringField("network_energy_method", NetworkEnergy.METHOD);
      g.writeArrayFieldStart("per_round");
      for (RoundRecord r : perRound) {
        g.writeStartObject();
        g.writeNumberField("round", r.round());
        g.writeNumberField("accuracy", r.accuracy());
        g.writeNumberField("bytes", r.bytes());
        g.writeNumberField("energy_kwh", r.energyKwh());
        g.writeNumberField("network_kwh", r.networkKwh());
        g.writeNumberField("emissions_kg", r.emissionsKg());
        g.writeNumberField("random_emissions_kg", r.randomEmissionsKg());
        stringArray(g, "clients", r.clients());
        stringArray(g, "refused", r.refused());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
