package io.lowcarb.fl.grpc.server;

import io.lowcarb.energy.Units;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.fl.report.RoundRecord;
import java.util.List;

/**
 * A closed round's record: the energy its clients measured and reported for the updates taken (a
 * refused update's figures are not trusted), the network's estimated from the bytes, and what they
 * emitted at each client's grid intensity.
 */
final class RoundAccounting {
  private RoundAccounting() {}

  /** The record of {@code round}, whose aggregate scored {@code accuracy} (a fraction). */
  static RoundRecord record(Round round, double accuracy) {
    List<Round.Accepted> taken = round.accepted();
    double kwh = 0;
    double grams = 0;
    double randomGrams = 0;
    double intensitySum = 0;
    for (Round.Accepted a : taken) {
      double facilityKwh = Units.kwh(a.joules()) * Math.max(1, a.pue());
      kwh += Units.kwh(a.joules());
      grams += facilityKwh * a.gPerKwh();
      randomGrams += facilityKwh * round.availableMeanGPerKwh;
      intensitySum += a.gPerKwh();
    }
    long bytes = round.bytes();
    double networkKwh = NetworkEnergy.kwh(bytes);
    double roundMean = taken.isEmpty() ? round.availableMeanGPerKwh : intensitySum / taken.size();
    grams += networkKwh * roundMean;
    randomGrams += networkKwh * round.availableMeanGPerKwh;
    List<String> clients = taken.stream().map(a -> a.update().client()).toList();
    return new RoundRecord(round.number, accuracy, bytes, kwh, networkKwh, grams / 1000, randomGrams / 1000, clients,
        round.refusals());
  }
}
