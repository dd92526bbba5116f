package io.lowcarb.fl.report;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.report.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A federated training, round by round.
 *
 * @param strategy the aggregation's label ({@code fedavg}, ...)
 * @param compression the compression's label ({@code none}, {@code int8}, {@code topk:0.01})
 * @param selection the selection's label ({@code random}, {@code greenest})
 * @param meters whose meters measured the clients, which decides how their uncertainties add
 * @param perRound the rounds run, in order
 */
public record FlResult(String strategy, String compression, String selection, ClientMeters meters,
    List<RoundRecord> perRound) {
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

  /** The clients' training energy, as their meters obtained it, in kWh (the network's is {@link #networkKwh()}). */
  public double energyKwh() {
    return perRound.stream().mapToDouble(RoundRecord::energyKwh).sum();
  }

  /** How {@link #energyKwh()} was obtained, and its uncertainty; empty when no client's energy counted. */
  public Optional<EnergyBasis> energyBasis() {
    return meters.total(perRound);
  }

  /** The network's energy, estimated from the bytes, in kWh. */
  public double networkKwh() {
    return perRound.stream().mapToDouble(RoundRecord::networkKwh).sum();
  }

  /** The clients' and the network's energy, in kWh: what {@link #emissionsKg()} comes from. */
  public double totalKwh() {
    return energyKwh() + networkKwh();
  }

  /** The basis of {@link #totalKwh()} and so of the emissions: the clients' and the network's in quadrature. */
  public Optional<EnergyBasis> totalBasis() {
    return RoundRecord.combined(energyKwh(), energyBasis(), networkKwh());
  }

  /** All emissions (training and network), in kgCO2e. */
  public double emissionsKg() {
    return perRound.stream().mapToDouble(RoundRecord::emissionsKg).sum();
  }

  /** The emissions avoided against clients at the mean intensity of all available ones, in kgCO2e: an estimate. */
  public double co2SavedKg() {
    return perRound.stream().mapToDouble(r -> r.randomEmissionsKg() - r.emissionsKg()).sum();
  }

  /** Writes the JSON contract ({@link FlResultJson}) to {@code file}, atomically (a temporary file, then a move). */
  public void writeJson(Path file) throws IOException {
    AtomicFile.write(file, o -> FlResultJson.write(this, o));
  }
}
