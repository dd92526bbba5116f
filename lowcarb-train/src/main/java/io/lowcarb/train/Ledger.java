package io.lowcarb.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.train.forecast.Estimate;
import io.lowcarb.train.forecast.Forecast;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /** One start or resume: its energy (kWh), emissions (gCO2e) and time (s) as of the last flush. */
  public record Session(String start, double energyKwh, double emissionsGrams, double seconds, boolean complete) {}

  private final String model;
  private final List<EpochResult> epochs = new ArrayList<>();
  private final List<Session> sessions = new ArrayList<>();
  private Forecast predicted;

  /** A new ledger for a model spec (as JSON text, to check a resume against). */
  public Ledger(String model) {
    this.model = model;
  }

  /** Reads {@code DIR/ledger.json}. */
  public static Ledger read(Path dir) throws IOException {
    JsonNode root = JSON.readTree(dir.resolve(FILE).toFile());
    Ledger ledger = new Ledger(root.path("model").asText());
    ledger.predicted = forecast(root.path("prediction")).orElse(null);
    for (JsonNode s : root.path("sessions")) {
      ledger.sessions.add(new Session(s.path("start").asText(), s.path("energy_kwh").asDouble(),
          s.path("emissions_g").asDouble(), s.path("seconds").asDouble(), s.path("complete").asBoolean()));
    }
    for (JsonNode e : root.path("epochs")) {
      ledger.epochs.add(new EpochResult(e.path("epoch").asInt(), e.path("loss").asDouble(),
          e.path("validation_accuracy").asDouble(), e.path("energy_kwh").asDouble(), e.path("emissions_g").asDouble(),
          e.path("seconds").asDouble(), e.path("samples_per_s").asDouble(), e.path("checkpoint").asText(),
          forecast(e.path("prediction"))));
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

  /** Keeps the prediction made after epoch 1. */
  public synchronized void predicted(Forecast forecast) {
    predicted = forecast;
  }

  /** The prediction made after epoch 1, if one was. */
  public synchronized Optional<Forecast> predicted() {
    return Optional.ofNullable(predicted);
  }

  /** Opens a session; later calls to {@link #session} update it. */
  public synchronized void openSession(String start) {
    sessions.add(new Session(start, 0, 0, 0, false));
  }

  /** Updates the open session's totals: energy in kWh, emissions in gCO2e, time in s. */
  public synchronized void session(double kwh, double grams, double seconds, boolean complete) {
    if (sessions.getLast().complete()) {
      return; // a late progress flush after the end
    }
    Session open = sessions.removeLast();
    sessions.add(new Session(open.start(), kwh, grams, seconds, complete));
  }

  /** Energy of all sessions, in kWh. */
  public synchronized double totalKwh() {
    return sessions.stream().mapToDouble(Session::energyKwh).sum();
  }

  /** Emissions of all sessions, in gCO2e. */
  public synchronized double totalGrams() {
    return sessions.stream().mapToDouble(Session::emissionsGrams).sum();
  }

  /** Time of all sessions, in s. */
  public synchronized double totalSeconds() {
    return sessions.stream().mapToDouble(Session::seconds).sum();
  }

  /** Writes {@code DIR/ledger.json}, replacing it atomically. */
  public synchronized void write(Path dir) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("model", model)
        .put("energy_kwh", totalKwh()).put("emissions_g", totalGrams()).put("seconds", totalSeconds());
    if (predicted != null) {
      write(root.putObject("prediction"), predicted);
    }
    ArrayNode s = root.putArray("sessions");
    for (Session session : sessions) {
      s.addObject().put("start", session.start()).put("energy_kwh", session.energyKwh())
          .put("emissions_g", session.emissionsGrams()).put("seconds", session.seconds())
          .put("complete", session.complete());
    }
    ArrayNode e = root.putArray("epochs");
    for (EpochResult r : epochs) {
      ObjectNode epoch = e.addObject().put("epoch", r.epoch()).put("loss", r.loss())
          .put("validation_accuracy", r.validationAccuracy()).put("energy_kwh", r.energyKwh())
          .put("emissions_g", r.co2Grams()).put("seconds", r.seconds()).put("samples_per_s", r.samplesPerSecond())
          .put("checkpoint", r.checkpoint());
      r.forecast().ifPresent(f -> write(epoch.putObject("prediction"), f));
    }
    byte[] json = root.toPrettyString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    io.lowcarb.energy.report.AtomicFile.write(dir.resolve(FILE), out -> out.write(json));
  }

  private static void write(ObjectNode o, Forecast f) {
    o.put("after_epoch", f.afterEpoch()).put("epochs", f.epochs()).put("spent_kwh", f.spentKwh())
        .put("spread_pct", f.spreadPct()).put("meter_pct", f.meterPct());
    interval(o, "energy_kwh", f.energyKwh());
    interval(o, "emissions_g", f.emissionsGrams());
    interval(o, "seconds", f.seconds());
  }

  private static void interval(ObjectNode o, String name, Estimate e) {
    o.putArray(name).add(e.low()).add(e.point()).add(e.high());
  }

  private static Optional<Forecast> forecast(JsonNode o) {
    if (!o.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new Forecast(o.path("after_epoch").asInt(), o.path("epochs").asInt(), estimate(o.path("energy_kwh")),
        estimate(o.path("emissions_g")), estimate(o.path("seconds")), o.path("spent_kwh").asDouble(),
        o.path("spread_pct").asDouble(), o.path("meter_pct").asDouble()));
  }

  /** [low, point, high]. */
  private static Estimate estimate(JsonNode a) {
    return new Estimate(a.path(1).asDouble(), a.path(0).asDouble(), a.path(2).asDouble());
  }
}
