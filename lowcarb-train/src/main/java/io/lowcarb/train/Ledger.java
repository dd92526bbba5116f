package io.lowcarb.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The energy ledger of a training, kept beside its checkpoints ({@code ledger.json}) and rewritten
 * atomically after every epoch and every flush. Each session (a start, or a {@code --resume})
 * records its own energy, measured once by its own meter, so a resumed training adds up without
 * counting anything twice, and the energy of an epoch cut short by a crash is still counted.
 */
public final class Ledger {
  /** The file name in the output folder. */
  public static final String FILE = "ledger.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One start or resume: its energy (kWh) and emissions (gCO2e) as of the last flush. */
  public record Session(String start, double energyKwh, double emissionsGrams, boolean complete) {}

  private final String model;
  private final List<EpochResult> epochs = new ArrayList<>();
  private final List<Session> sessions = new ArrayList<>();
  private double predictedKwh = Double.NaN;
  private double predictedGrams = Double.NaN;

  /** A new ledger for a model spec (as JSON text, to check a resume against). */
  public Ledger(String model) {
    this.model = model;
  }

  /** Reads {@code DIR/ledger.json}. */
  public static Ledger read(Path dir) throws IOException {
    JsonNode root = JSON.readTree(dir.resolve(FILE).toFile());
    Ledger ledger = new Ledger(root.path("model").asText());
    ledger.predictedKwh = root.path("predicted_energy_kwh").asDouble(Double.NaN);
    ledger.predictedGrams = root.path("predicted_emissions_g").asDouble(Double.NaN);
    for (JsonNode s : root.path("sessions")) {
      ledger.sessions.add(new Session(s.path("start").asText(), s.path("energy_kwh").asDouble(),
          s.path("emissions_g").asDouble(), s.path("complete").asBoolean()));
    }
    for (JsonNode e : root.path("epochs")) {
      ledger.epochs.add(new EpochResult(e.path("epoch").asInt(), e.path("loss").asDouble(),
          e.path("validation_accuracy").asDouble(), e.path("energy_kwh").asDouble(), e.path("emissions_g").asDouble(),
          e.path("seconds").asDouble(), e.path("samples_per_s").asDouble(), e.path("checkpoint").asText()));
    }
    return ledger;
  }

  /** The model spec the ledger belongs to, as JSON. */
  public synchronized String model() {
    return model;
  }

  public synchronized List<EpochResult> epochs() {
    return List.copyOf(epochs);
  }

  public synchronized List<Session> sessions() {
    return List.copyOf(sessions);
  }

  public synchronized void addEpoch(EpochResult epoch) {
    epochs.add(epoch);
  }

  public synchronized void predicted(double kwh, double grams) {
    predictedKwh = kwh;
    predictedGrams = grams;
  }

  public synchronized double predictedKwh() {
    return predictedKwh;
  }

  public synchronized double predictedGrams() {
    return predictedGrams;
  }

  /** Opens a session; later calls to {@link #session} update it. */
  public synchronized void openSession(String start) {
    sessions.add(new Session(start, 0, 0, false));
  }

  /** Updates the open session's totals. */
  public synchronized void session(double kwh, double grams, boolean complete) {
    if (sessions.getLast().complete()) {
      return; // a late progress flush after the end
    }
    Session open = sessions.removeLast();
    sessions.add(new Session(open.start(), kwh, grams, complete));
  }

  /** Energy of all sessions, in kWh. */
  public synchronized double totalKwh() {
    return sessions.stream().mapToDouble(Session::energyKwh).sum();
  }

  /** Emissions of all sessions, in gCO2e. */
  public synchronized double totalGrams() {
    return sessions.stream().mapToDouble(Session::emissionsGrams).sum();
  }

  /** Writes {@code DIR/ledger.json}, replacing it atomically. */
  public synchronized void write(Path dir) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("model", model)
        .put("predicted_energy_kwh", predictedKwh).put("predicted_emissions_g", predictedGrams)
        .put("energy_kwh", totalKwh()).put("emissions_g", totalGrams());
    ArrayNode s = root.putArray("sessions");
    for (Session session : sessions) {
      s.addObject().put("start", session.start()).put("energy_kwh", session.energyKwh())
          .put("emissions_g", session.emissionsGrams()).put("complete", session.complete());
    }
    ArrayNode e = root.putArray("epochs");
    for (EpochResult r : epochs) {
      e.addObject().put("epoch", r.epoch()).put("loss", r.loss()).put("validation_accuracy", r.validationAccuracy())
          .put("energy_kwh", r.energyKwh()).put("emissions_g", r.co2Grams()).put("seconds", r.seconds())
          .put("samples_per_s", r.samplesPerSecond()).put("checkpoint", r.checkpoint());
    }
    byte[] json = root.toPrettyString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    io.lowcarb.energy.report.AtomicFile.write(dir.resolve(FILE), out -> out.write(json));
  }
}
