package io.lowcarb.fl.report;

import io.lowcarb.energy.EnergyBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose meters measured the clients, which decides how their uncertainties add (docs/measure.md,
 * "Combining uncertainties"): the rounds of one client share its sensors' systematic error and add
 * linearly; clients on machines of their own are independent and add in quadrature.
 */
public enum ClientMeters {
  /**
   * One meter on one machine measured every client in turn ({@code fl simulate}): every figure
   * shares that meter's error, so all add linearly.
   */
  ONE_SHARED,
  /** Each client measured by its own meter on its own machine ({@code fl server}): independent. */
  EACH_OWN;

  /** The basis of the clients' total in one round; empty when no client has energy. */
  public Optional<EnergyBasis> round(List<ClientEnergy> clients) {
    if (clients.isEmpty()) {
      return Optional.empty();
    }
    List<EnergyBasis.Part> parts = clients.stream().map(ClientEnergy::part).toList();
    return Optional.of(this == ONE_SHARED ? EnergyBasis.sumOfParts(parts) : EnergyBasis.sumOfIndependent(parts));
  }

  /**
   * The basis of the clients' total over rounds: each client's rounds add linearly (its own
   * sensors), then the clients as {@link #round} adds them. A round that kept only its total (read
   * from an older state file) counts as one more independent figure.
   */
  public Optional<EnergyBasis> total(List<RoundRecord> rounds) {
    Map<String, List<EnergyBasis.Part>> byClient = new LinkedHashMap<>();
    List<EnergyBasis.Part> parts = new ArrayList<>();
    for (RoundRecord r : rounds) {
      if (r.perClient().isEmpty()) {
        r.energyBasis().ifPresent(b -> parts.add(new EnergyBasis.Part(r.energyKwh(), b)));
      }
      for (ClientEnergy c : r.perClient()) {
        byClient.computeIfAbsent(c.client(), k -> new ArrayList<>()).add(c.part());
      }
    }
    for (List<EnergyBasis.Part> own : byClient.values()) {
      EnergyBasis b = EnergyBasis.sumOfParts(own);
      parts.add(new EnergyBasis.Part(own.stream().mapToDouble(EnergyBasis.Part::value).sum(), b));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(this == ONE_SHARED ? EnergyBasis.sumOfParts(parts) : EnergyBasis.sumOfIndependent(parts));
  }
}
