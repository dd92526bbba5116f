package io.lowcarb.cli;

import io.lowcarb.fl.report.RoundRecord;
import io.lowcarb.track.Point;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints one line per federated round and records the round in the run store: accuracy, bytes,
 * energy (with how it was obtained) and CO2e per round, and cumulative energy and CO2e.
 */
final class RecordedRounds implements Consumer<RoundRecord> {
  private final PrintWriter err;
  private final Recording recording;
  private final int rounds;
  private long bytes;
  private double kwh;
  private double kg;

  RecordedRounds(PrintWriter err, Recording recording, int rounds) {
    this.err = err;
    this.recording = recording;
    this.rounds = rounds;
  }

  @Override
  public void accept(RoundRecord r) {
    bytes += r.bytes();
    kwh += r.energyKwh();
    kg += r.emissionsKg();
    err.printf(Locale.ROOT, "fl: round %d/%d  accuracy %.4f  clients %d  sent %.2f MB  energy %s (%s)  CO2e %s (%s)%s%n",
        r.round(), rounds, r.accuracy(), r.clients().size(), r.bytes() / 1e6, Summary.energy(r.energyKwh() * 3.6e6),
        BasisText.of(r.energyBasis()), Summary.grams(r.emissionsKg() * 1000), BasisText.of(r.totalBasis()),
        r.refused().isEmpty() ? "" : "  refused: " + String.join("; ", r.refused()));
    err.flush();
    recording.points("accuracy", List.of(new Point(r.round(), r.accuracy())));
    recording.points("round_bytes", List.of(new Point(r.round(), r.bytes())));
    recording.points("round_energy_kwh", List.of(new Point(r.round(), r.energyKwh())));
    recording.points("round_emissions_kg", List.of(new Point(r.round(), r.emissionsKg())));
    recording.points("bytes_sent", List.of(new Point(r.round(), bytes)));
    recording.points("energy_kwh", List.of(new Point(r.round(), kwh)));
    recording.points("emissions_kg", List.of(new Point(r.round(), kg)));
  }
}
