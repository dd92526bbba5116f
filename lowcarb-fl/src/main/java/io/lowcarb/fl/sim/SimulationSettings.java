package io.lowcarb.fl.sim;

import io.lowcarb.fl.aggregate.FedAvg;
import io.lowcarb.fl.aggregate.Strategy;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.partition.Dirichlet;
import io.lowcarb.fl.partition.Partition;
import io.lowcarb.fl.select.Selection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How a simulated federation trains.
 *
 * @param clients the number of clients, >= 1
 * @param fraction the share of clients that train each round, in (0, 1]
 * @param minClients the fewest clients per round (at most {@code clients})
 * @param rounds the most rounds, >= 1
 * @param localEpochs passes over its data each selected client makes per round, >= 1
 * @param batchSize examples per SGD step, >= 1
 * @param learningRate SGD's step size
 * @param partition how the training examples are dealt to clients
 * @param strategy how the server aggregates
 * @param compression how updates and models travel
 * @param selection how each round's clients are chosen
 * @param zones grid zones, dealt to the clients in turn (client i is in {@code zones[i % size]})
 * @param intensity the intensity of each zone at the simulated time
 * @param start the simulated time of round 1; each round is one hour later than the one before
 * @param targetAccuracy stop once the global model's test accuracy reaches this, if present
 * @param seed seeds the partition, the initial model, the selection and the local training
 * @param hostile clients (by index) that corrupt their updates, for robustness tests
 */
public record SimulationSettings(int clients, double fraction, int minClients, int rounds, int localEpochs,
    int batchSize, float learningRate, Partition partition, Strategy strategy, Compression compression,
    Selection selection, List<String> zones, GridIntensity intensity, Instant start, OptionalDouble targetAccuracy,
    long seed, Map<Integer, Hostility> hostile) {

  public SimulationSettings {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1, got " + clients);
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("the fraction must be in (0, 1], got " + fraction);
    }
    if (minClients < 0 || minClients > clients) {
      throw new IllegalArgumentException("min clients must be in 0.." + clients + ", got " + minClients);
    }
    if (rounds < 1 || localEpochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("rounds, local epochs and batch size must be >= 1, the learning rate > 0");
    }
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("at least one zone is needed");
    }
    zones = List.copyOf(zones);
    hostile = Map.copyOf(hostile);
  }

  /** The zone of client {@code i}. */
  public String zone(int i) {
    return zones.get(i % zones.size());
  }

  /** Settings to start from: 10 clients, half of them a round, 20 rounds, FedAvg, Dirichlet 0.5, zone ES. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds settings; every setting has a default. */
  public static final class Builder {
    private int clients = 10;
    private double fraction = 0.5;
    private int minClients = 1;
    private int rounds = 20;
    private int localEpochs = 1;
    private int batchSize = 10;
    private float learningRate = 0.05f;
    private Partition partition = new Dirichlet(0.5);
    private Strategy strategy = new FedAvg();
    private Compression compression = new Compression.None();
    private Selection selection = new Selection.Uniform();
    private List<String> zones = List.of("ES");
    private GridIntensity intensity = GridIntensity.table();
    private Instant start = Instant.parse("2025-01-01T00:00:00Z");
    private OptionalDouble targetAccuracy = OptionalDouble.empty();
    private long seed = 42;
    private Map<Integer, Hostility> hostile = Map.of();

    private Builder() {}

    public Builder clients(int n) {
      this.clients = n;
      return this;
    }

    public Builder fraction(double f) {
      this.fraction = f;
      return this;
    }

    public Builder minClients(int n) {
      this.minClients = n;
      return this;
    }

    public Builder rounds(int n) {
      this.rounds = n;
      return this;
    }

    public Builder localEpochs(int n) {
      this.localEpochs = n;
      return this;
    }

    public Builder batchSize(int n) {
      this.batchSize = n;
      return this;
    }

    public Builder learningRate(float lr) {
      this.learningRate = lr;
      return this;
    }

    public Builder partition(Partition p) {
      this.partition = p;
      return this;
    }

    public Builder strategy(Strategy s) {
      this.strategy = s;
      return this;
    }

    public Builder compression(Compression c) {
      this.compression = c;
      return this;
    }

    public Builder selection(Selection s) {
      this.selection = s;
      return this;
    }

    public Builder zones(List<String> z) {
      this.zones = z;
      return this;
    }

    public Builder intensity(GridIntensity i) {
      this.intensity = i;
      return this;
    }

    public Builder start(Instant t) {
      this.start = t;
      return this;
    }

    public Builder targetAccuracy(double a) {
      this.targetAccuracy = OptionalDouble.of(a);
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    public Builder hostile(Map<Integer, Hostility> h) {
      this.hostile = h;
      return this;
    }

    public SimulationSettings build() {
      return new SimulationSettings(clients, fraction, minClients, rounds, localEpochs, batchSize, learningRate,
          partition, strategy, compression, selection, zones, intensity, start, targetAccuracy, seed, hostile);
    }
  }
}
