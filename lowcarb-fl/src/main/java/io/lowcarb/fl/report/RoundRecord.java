package io.lowcarb.fl.report;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.fl.NetworkEnergy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One round of federated training.
 *
 * @param round 1, 2, ...
 * @param accuracy the global model's test accuracy after the round, a fraction
 * @param bytes the bytes of the round's payloads, both directions (models down, updates up)
 * @param energyKwh the clients' training energy, in kWh (IT energy, before PUE), as their meters
 *     obtained it
 * @param energyBasis how {@code energyKwh} was obtained and its uncertainty; empty when no client's
 *     energy counts in the round
 * @param networkKwh the estimated energy of moving {@code bytes}, in kWh ({@code NetworkEnergy})
 * @param emissionsKg the round's emissions, in kgCO2e: each client's energy at its grid's intensity (x
 *     PUE), plus the network energy at the mean intensity of the round's clients
 * @param randomEmissionsKg what the same energy would have emitted at the mean intensity of all the
 *     clients available, in kgCO2e: the baseline of "CO2 saved against random sampling"
 * @param clients the clients that trained
 * @param perClient the energy of each client counted in {@code energyKwh}; empty in a round read from
 *     a state file that kept only the total
 * @param refused "client: reason" for each update the server refused
 */
public record RoundRecord(int round, double accuracy, long bytes, double energyKwh, Optional<EnergyBasis> energyBasis,
    double networkKwh, double emissionsKg, double randomEmissionsKg, List<String> clients,
    List<ClientEnergy> perClient, List<String> refused) {
  public RoundRecord {
    clients = List.copyOf(clients);
    perClient = List.copyOf(perClient);
    refused = List.copyOf(refused);
  }

  /** The clients' and the network's energy, in kWh: what {@code emissionsKg} comes from. */
  public double totalKwh() {
    return energyKwh + networkKwh;
  }

  /**
   * The basis of {@link #totalKwh()}, and so of the emissions: the clients' figure and the network's
   * estimate come from unrelated sources, so they add in quadrature.
   */
  public Optional<EnergyBasis> totalBasis() {
    return combined(energyKwh, energyBasis, networkKwh);
  }

  /** The basis of {@code clients} energy plus {@code network} kWh of network energy. */
  static Optional<EnergyBasis> combined(double clientsKwh, Optional<EnergyBasis> clients, double networkKwh) {
    List<EnergyBasis.Part> parts = new ArrayList<>();
    clients.ifPresent(b -> parts.add(new EnergyBasis.Part(clientsKwh, b)));
    if (networkKwh > 0) {
      parts.add(new EnergyBasis.Part(networkKwh, NetworkEnergy.BASIS));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(EnergyBasis.sumOfIndependent(parts));
  }
}
