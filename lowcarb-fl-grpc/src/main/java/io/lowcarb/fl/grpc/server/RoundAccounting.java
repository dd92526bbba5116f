package io.lowcarb.fl.grpc.server;

import io.lowcarb.energy.Units;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.ClientMeters;
import io.lowcarb.fl.report.RoundRecord;
import java.util.List;

/**
 * A closed round's record: the energy its clients' meters obtained and reported for the updates
 * taken (a refused update's figures are not trusted), each with its method and uncertainty, the
 * clients being independent ({@link ClientMeters#EACH_OWN}); the network's estimated from the
 * bytes; and what they emitted at each client's grid intensity.
 */
final class RoundAccounting {
  private RoundAccounting() {}

  /** The record of {@code round}, whose aggregate scored {@code accuracy} (a fraction). */
  static RoundRecord record(Round round, double accuracy) {
    List<Round.Accepted> taken = round.accepted();
    List<ClientEnergy> energies = taken.stream()
        .map(a -> new ClientEnergy(a.update().client(), Units.kwh(a.joules()), a.basis(), a.gPerKwh(), a.pue()))
        .toList();
    double kwh = 0;
    double grams = 0;
    double randomGrams = 0;
    double intensitySum = 0;
    for (ClientEnergy c : energies) {
      kwh += c.kwh();
      grams += c.emissionsKg() * 1000;
      randomGrams += c.kwh() * Math.max(1, c.pue()) * round.availableMeanGPerKwh;
      intensitySum += c.gPerKwh();
    }
    long bytes = round.bytes();
    double networkKwh = NetworkEnergy.kwh(bytes);
    double roundMean = taken.isEmpty() ? round.availableMeanGPerKwh : intensitySum / taken.size();
    grams += networkKwh * roundMean;
    randomGrams += networkKwh * round.availableMeanGPerKwh;
    List<String> clients = energies.stream().map(ClientEnergy::client).toList();
    return new RoundRecord(round.number, accuracy, bytes, kwh, ClientMeters.EACH_OWN.round(energies), networkKwh,
        grams / 1000, randomGrams / 1000, clients, energies, round.refusals());
  }
}
