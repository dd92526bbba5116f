package io.lowcarb.fl.grpc.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.prune.CheckpointFiles;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.report.RoundRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's checkpoint in a folder: the global model as a lowcarb checkpoint ({@code
 * model-000R.params} and {@code model.json}, R the round) and {@code state.json} naming it, with
 * {@code rounds.json} holding the rounds' records. The model is written first and {@code state.json} replaced atomically after,
 * so a crash at any point leaves the previous round's state whole.
 */
public final class StateFiles {
  /** The file that says which round was the last closed. */
  public static final String STATE = "state.json";

  /** The rounds closed, as the federation's result so far. */
  public static final String ROUNDS = "rounds.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Checkpoint template;
  private final long[] exampleShape;
  private final String dataset;
  private final String strategy;

  /**
   * @param template the model, for its spec and input standardisation
   * @param dataset and {@code strategy}: a state of another federation is not resumed
   */
  public StateFiles(Path dir, Checkpoint template, long[] exampleShape, String dataset, String strategy) {
    this.dir = dir;
    this.template = template;
    this.exampleShape = exampleShape.clone();
    this.dataset = dataset;
    this.strategy = strategy;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /**
   * Writes the state after a round: the model, then {@code rounds.json} (the {@link FlResult} so
   * far), then {@code state.json}, which alone says which round counts.
   */
  void write(ServerState state, FlResult soFar) throws IOException {
    Path params = CheckpointFiles.write(FlatWeights.withValues(template, state.global()), exampleShape, dir, state.round());
    soFar.writeJson(dir.resolve(ROUNDS));
    AtomicFile.write(dir.resolve(STATE), o -> {
      try (JsonGenerator g = JSON.getFactory().createGenerator(o, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("round", state.round());
        g.writeStringField("params", params.getFileName().toString());
        g.writeStringField("dataset", dataset);
        g.writeStringField("strategy", strategy);
        g.writeNumberField("parameters", state.global().length);
        g.writeEndObject();
      }
    });
    try (var old = Files.newDirectoryStream(dir, "model-*.params")) {
      for (Path p : old) {
        if (!p.getFileName().equals(params.getFileName())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * The state saved in the folder, or empty when there is none.
   *
   * @throws IllegalArgumentException when it belongs to another federation or cannot be read
   */
  Optional<ServerState> read() throws IOException {
    Path file = dir.resolve(STATE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
    }
    int length = FlatWeights.flatten(template).length;
    if (!dataset.equals(root.path("dataset").asText()) || !strategy.equals(root.path("strategy").asText())
        || root.path("parameters").asInt() != length) {
      throw new IllegalArgumentException(file + " is the state of another federation (" + root.path("dataset").asText()
          + ", " + root.path("strategy").asText() + ", " + root.path("parameters").asInt()
          + " parameters): give another --out, or remove it to start over");
    }
    float[] global = FlatWeights.flatten(Checkpoint.read(dir.resolve(root.path("params").asText())));
    int round = root.path("round").asInt();
    List<RoundRecord> records = new ArrayList<>();
    for (JsonNode r : JSON.readTree(dir.resolve(ROUNDS).toFile()).path("per_round")) {
      if (r.path("round").asInt() > round) {
        break; // written before a crash that state.json did not see the end of
      }
      try {
        records.add(record(r));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(dir.resolve(ROUNDS) + ", round " + r.path("round").asInt() + ": "
            + e.getMessage());
      }
    }
    return Optional.of(new ServerState(round, global, records));
  }

  private static RoundRecord record(JsonNode r) {
    double kwh = r.path("energy_kwh").asDouble();
    return new RoundRecord(r.path("round").asInt(), r.path("accuracy").asDouble(), r.path("bytes").asLong(), kwh,
        basis(r.path("training"), kwh), r.path("network_kwh").asDouble(), r.path("emissions_kg").asDouble(),
        r.path("random_emissions_kg").asDouble(), texts(r.path("clients")), clients(r.path("per_client")),
        texts(r.path("refused")));
  }

  /**
   * The basis written in {@code node}; a state file of an older lowcarb has none, and its energy
   * counts as {@link ClientEnergy#UNLABELLED}.
   */
  private static Optional<EnergyBasis> basis(JsonNode node, double kwh) {
    if (node.path("energy_method").isTextual()) {
      return Optional.of(new EnergyBasis(EnergyBasis.Obtained.ofLabel(node.path("energy_method").asText()),
          node.path("uncertainty_pct").asDouble()));
    }
    return kwh > 0 ? Optional.of(ClientEnergy.UNLABELLED) : Optional.empty();
  }

  private static List<ClientEnergy> clients(JsonNode array) {
    List<ClientEnergy> out = new ArrayList<>();
    for (JsonNode c : array) {
      double kwh = c.path("energy_kwh").asDouble();
      out.add(new ClientEnergy(c.path("client").asText(), kwh, basis(c, kwh).orElse(ClientEnergy.UNLABELLED),
          c.path("g_per_kwh").asDouble(), c.path("pue").asDouble(1)));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
