package io.lowcarb.fl.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.report.BasisJson;
import io.lowcarb.fl.NetworkEnergy;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The JSON contract of a federated training. Every object with an energy or CO2e figure holds
 * {@code energy_method} and {@code uncertainty_pct}: at the top and in each round they are those of
 * {@code total_energy_kwh} (the clients' energy and the network's) and of the emissions made from
 * it; {@code training} and {@code network} hold the two parts with their own, and {@code
 * per_client} each client's. Fields of an older version keep their names and meanings.
 */
final class FlResultJson {
  private FlResultJson() {}

  static void write(FlResult r, OutputStream o) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("strategy", r.strategy());
      g.writeStringField("compression", r.compression());
      g.writeStringField("selection", r.selection());
      g.writeNumberField("final_accuracy", r.finalAccuracy());
      g.writeNumberField("rounds", r.rounds());
      g.writeNumberField("bytes_sent", r.bytesSent());
      g.writeNumberField("energy_kwh", r.energyKwh());
      g.writeNumberField("network_kwh", r.networkKwh());
      g.writeNumberField("total_energy_kwh", r.totalKwh());
      g.writeNumberField("emissions_kg", r.emissionsKg());
      g.writeNumberField("co2_saved_vs_random_kg", r.co2SavedKg());
      basis(g, r.totalBasis());
      g.writeObjectFieldStart("training");
      g.writeNumberField("energy_kwh", r.energyKwh());
      basis(g, r.energyBasis());
      g.writeStringField("meters", r.meters() == ClientMeters.ONE_SHARED
          ? "one meter measured every client: their uncertainties add linearly"
          : "each client's own meter: independent, their uncertainties add in quadrature");
      g.writeEndObject();
      network(g, r.networkKwh());
      g.writeStringField("network_energy_method", NetworkEnergy.METHOD);
      g.writeArrayFieldStart("per_round");
      for (RoundRecord round : r.perRound()) {
        round(g, round);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void round(JsonGenerator g, RoundRecord r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("round", r.round());
    g.writeNumberField("accuracy", r.accuracy());
    g.writeNumberField("bytes", r.bytes());
    g.writeNumberField("energy_kwh", r.energyKwh());
    g.writeNumberField("network_kwh", r.networkKwh());
    g.writeNumberField("total_energy_kwh", r.totalKwh());
    g.writeNumberField("emissions_kg", r.emissionsKg());
    g.writeNumberField("random_emissions_kg", r.randomEmissionsKg());
    basis(g, r.totalBasis());
    g.writeObjectFieldStart("training");
    g.writeNumberField("energy_kwh", r.energyKwh());
    basis(g, r.energyBasis());
    g.writeEndObject();
    network(g, r.networkKwh());
    stringArray(g, "clients", r.clients());
    g.writeArrayFieldStart("per_client");
    for (ClientEnergy c : r.perClient()) {
      g.writeStartObject();
      g.writeStringField("client", c.client());
      g.writeNumberField("energy_kwh", c.kwh());
      BasisJson.write(g, c.basis());
      g.writeNumberField("g_per_kwh", c.gPerKwh());
      g.writeNumberField("pue", c.pue());
      g.writeNumberField("emissions_kg", c.emissionsKg());
      g.writeEndObject();
    }
    g.writeEndArray();
    stringArray(g, "refused", r.refused());
    g.writeEndObject();
  }

  private static void network(JsonGenerator g, double kwh) throws IOException {
    g.writeObjectFieldStart("network");
    g.writeNumberField("energy_kwh", kwh);
    BasisJson.write(g, NetworkEnergy.BASIS);
    g.writeNumberField("kwh_per_gb", NetworkEnergy.KWH_PER_GB);
    g.writeStringField("source", NetworkEnergy.SOURCE);
    g.writeEndObject();
  }

  /** The basis of a figure, when it has one: a figure of no energy at all has none to state. */
  private static void basis(JsonGenerator g, Optional<EnergyBasis> basis) throws IOException {
    if (basis.isPresent()) {
      BasisJson.write(g, basis.get());
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
