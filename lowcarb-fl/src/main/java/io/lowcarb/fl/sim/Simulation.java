package io.lowcarb.fl.sim;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.fl.ClientUpdate;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.fl.InitialModel;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.fl.check.UpdateCheck;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.ClientMeters;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.report.RoundRecord;
import io.lowcarb.fl.select.Selection.Candidate;
import io.lowcarb.fl.train.LocalResult;
import io.lowcarb.fl.train.LocalSettings;
import io.lowcarb.fl.train.LocalTrainer;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Federated training of N clients in one process. Each round: the clients available (all) are
 * offered to the selection with their grid's intensity at the simulated time; each selected client
 * receives the global model (encoded as a delta from the model it holds), trains locally with its
 * energy measured by the meter, and sends {@code encode(local - received)}; the server rebuilds and
 * checks each update, aggregates those it accepts and evaluates the new global model on the test set.
 *
 * <p>Every byte is counted, both directions; the initial model is not sent, since every client can
 * build it from the shared seed. A client's emissions are its energy (as the meter obtained it:
 * measured or estimated) x its zone's intensity x the meter's PUE; the network's energy is estimated
 * from the bytes ({@link NetworkEnergy}) and emitted at the mean intensity of the round's clients.
 * One meter measures every client, so their uncertainties add linearly ({@link ClientMeters#ONE_SHARED}).
 */
public final class Simulation {
  private final Meter meter;

  /** @param meter measures the clients' training (its PUE applies; its own intensity does not) */
  public Simulation(Meter meter) {
    this.meter = meter;
  }

  /**
   * Runs the federation on {@code data}: the training part is dealt to the clients, the test part
   * evaluates the global model.
   *
   * @param progress called after every round
   */
  public SimulationResult run(Split data, ModelSpec spec, SimulationSettings s, Consumer<RoundRecord> progress) {
    Checkpoint initial = InitialModel.of(spec, data.train(), s.seed());
    float[] global = FlatWeights.flatten(initial);
    List<SimulatedClient> clients = clients(data, s, global);
    UpdateCheck check = UpdateCheck.forModel(global.length);
    Random random = new Random(s.seed());
    List<RoundRecord> rounds = new ArrayList<>();
    String stopped = "ran " + s.rounds() + " rounds";
    try (LocalTrainer trainer = new LocalTrainer(initial, data.train().shape())) {
      for (int round = 1; round <= s.rounds(); round++) {
        Instant now = s.start().plus(Duration.ofHours(round - 1));
        Map<String, Double> intensity = new java.util.HashMap<>();
        List<Candidate> available = new ArrayList<>();
        for (SimulatedClient c : clients) {
          double g = s.intensity().gPerKwh(c.zone, now);
          intensity.put(c.name, g);
          available.add(new Candidate(c.name, g));
        }
        List<Candidate> chosen = s.selection().select(available, s.fraction(), s.minClients(), random);
        Round r = new Round(global);
        for (Candidate candidate : chosen) {
          r.train(byName(clients, candidate.client()), intensity.get(candidate.client()), trainer, s, round,
              global.length, check, random);
        }
        global = s.strategy().aggregate(global, r.accepted);
        double accuracy = trainer.accuracy(global, data.test());
        RoundRecord record = r.record(round, accuracy, chosen,
            available.stream().mapToDouble(Candidate::gPerKwh).average().orElse(0));
        rounds.add(record);
        progress.accept(record);
        if (s.targetAccuracy().isPresent() && accuracy >= s.targetAccuracy().getAsDouble()) {
          stopped = "reached the target accuracy " + s.targetAccuracy().getAsDouble() + " in round " + round;
          break;
        }
      }
    }
    FlResult result = new FlResult(s.strategy().label(), s.compression().label(), s.selection().label(),
        ClientMeters.ONE_SHARED, rounds);
    return new SimulationResult(result, FlatWeights.withValues(initial, global), stopped);
  }

  private static SimulatedClient byName(List<SimulatedClient> clients, String name) {
    return clients.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
  }

  private static List<SimulatedClient> clients(Split data, SimulationSettings s, float[] initial) {
    List<int[]> parts = s.partition().split(data.train().labels(), data.train().classes(), s.clients(), s.seed());
    int width = String.valueOf(s.clients() - 1).length();
    List<SimulatedClient> out = new ArrayList<>();
    for (int i = 0; i < s.clients(); i++) {
      String name = String.format("client-%0" + width + "d", i);
      out.add(new SimulatedClient(name, s.zone(i), data.train().select(parts.get(i), name), s.compression(), initial,
          Optional.ofNullable(s.hostile().get(i))));
    }
    return out;
  }

  /** What one round gathers, client by client. */
  private final class Round {
    final List<ClientUpdate> accepted = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final List<ClientEnergy> energies = new ArrayList<>();
    final float[] global;
    long bytes;
    double pue = 1;

    Round(float[] global) {
      this.global = global;
    }

    void train(SimulatedClient c, double gPerKwh, LocalTrainer trainer, SimulationSettings s, int round, int length,
        UpdateCheck check, Random random) {
      byte[] down = c.receive(global, s.compression());
      bytes += down.length;
      LocalSettings local = new LocalSettings(s.localEpochs(), s.batchSize(), s.learningRate(),
          s.strategy().proximalMu(), s.seed() * 1_000_003L + round * 1_009L + c.name.hashCode());
      LocalResult result;
      EnergyReport energy;
      try (Measurement m = meter.start("fl " + c.name + " round " + round)) {
        result = trainer.train(c.replica, c.data, local);
        energy = m.stop();
      }
      energies.add(new ClientEnergy(c.name, energy.kwh(), EnergyBasis.of(energy), gPerKwh, energy.pue()));
      pue = energy.pue();
      float[] delta = Deltas.minus(result.weights(), c.replica);
      if (c.hostility.isPresent()) {
        delta = c.hostility.get().corrupt(delta, random);
      }
      byte[] up = c.encoder.encode(delta);
      bytes += up.length;
      float[] rebuilt = Deltas.plus(c.replica, Compression.decode(up, length));
      Optional<String> why = check.refuse(rebuilt, up.length);
      if (why.isPresent()) {
        refused.add(c.name + ": " + why.get());
      } else {
        accepted.add(new ClientUpdate(c.name, rebuilt, result.examples()));
      }
    }

    RoundRecord record(int round, double accuracy, List<Candidate> chosen, double meanAvailable) {
      double energy = energies.stream().mapToDouble(ClientEnergy::kwh).sum();
      double network = NetworkEnergy.kwh(bytes);
      double meanChosen = chosen.stream().mapToDouble(Candidate::gPerKwh).average().orElse(0);
      double grams = network * meanChosen;
      for (ClientEnergy e : energies) {
        grams += e.emissionsKg() * 1000;
      }
      double randomGrams = energy * meanAvailable * pue + network * meanAvailable;
      return new RoundRecord(round, accuracy, bytes, energy, ClientMeters.ONE_SHARED.round(energies), network,
          grams / 1000, randomGrams / 1000, chosen.stream().map(Candidate::client).toList(), energies, refused);
    }
  }
}
