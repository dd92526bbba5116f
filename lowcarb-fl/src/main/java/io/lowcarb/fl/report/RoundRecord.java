package io.lowcarb.fl.report;

import java.util.List;

/**
 * One round of federated training.
 *
 * @param round 1, 2, ...
 * @param accuracy the global model's test accuracy after the round, a fraction
 * @param bytes the bytes of the round's payloads, both directions (models down, updates up)
 * @param energyKwh the clients' training energy, measured, in kWh (IT energy, before PUE)
 * @param networkKwh the estimated energy of moving {@code bytes}, in kWh ({@code NetworkEnergy})
 * @param emissionsKg the round's emissions, in kgCO2e: each client's energy at its grid's intensity (x
 *     PUE), plus the network energy at the mean intensity of the round's clients
 * @param randomEmissionsKg what the same energy would have emitted at the mean intensity of all the
 *     clients available, in kgCO2e: the baseline of "CO2 saved against random sampling"
 * @param clients the clients that trained
 * @param refused "client: reason" for each update the server refused
 */
public record RoundRecord(int round, double accuracy, long bytes, double energyKwh, double networkKwh,
    double emissionsKg, double randomEmissionsKg, List<String> clients, List<String> refused) {
  public RoundRecord {
    clients = List.copyOf(clients);
    refused = List.copyOf(refused);
  }
}
