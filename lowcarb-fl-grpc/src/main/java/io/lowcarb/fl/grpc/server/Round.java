package io.lowcarb.fl.grpc.server;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.fl.ClientUpdate;
import io.lowcarb.fl.grpc.proto.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One open round: its clients, the task they get, and their answers. Not thread-safe: the
 * coordinator guards it.
 */
final class Round {
  /**
   * An update taken, with what its client reported.
   *
   * @param update the model it rebuilt, and the examples behind it
   * @param joules the client's training energy, J (IT energy, before PUE), as its meter obtained it
   * @param basis how the meter obtained it, and its uncertainty
   * @param pue the PUE the client's meter applied
   * @param gPerKwh the client's grid intensity, gCO2e/kWh
   * @param bytes the payload's size
   */
  record Accepted(ClientUpdate update, double joules, EnergyBasis basis, double pue, double gPerKwh, long bytes) {}

  final int number;
  /** When the round opened, {@link System#nanoTime()}. */
  final long openedNanos = System.nanoTime();
  /** Accepted updates that close the round once its deadline passed. */
  final int quorum;
  final float[] global;
  final Task task;
  /** The mean intensity of every available client when the round opened, gCO2e/kWh. */
  final double availableMeanGPerKwh;
  private final Set<String> selected = new LinkedHashSet<>();
  private final Map<String, Accepted> accepted = new LinkedHashMap<>();
  private final Map<String, String> refused = new LinkedHashMap<>();
  private long bytesDown;
  private long bytesUpRefused;
  private long deadline;

  Round(int number, float[] global, Task task, List<String> clients, int quorum, long deadlineNanos,
      double availableMeanGPerKwh) {
    this.number = number;
    this.quorum = quorum;
    this.global = global;
    this.task = task;
    this.deadline = deadlineNanos;
    this.availableMeanGPerKwh = availableMeanGPerKwh;
    selected.addAll(clients);
  }

  boolean selected(String client) {
    return selected.contains(client);
  }

  boolean answered(String client) {
    return accepted.containsKey(client) || refused.containsKey(client);
  }

  /** Counts the global model sent to a client once more (again after a reconnection). */
  void sent() {
    bytesDown += task.getTrain().getGlobalWeights().size();
  }

  void accept(String client, Accepted a) {
    accepted.put(client, a);
  }

  void refuse(String client, String reason, long bytes) {
    refused.put(client, reason);
    bytesUpRefused += bytes;
  }

  /** Takes more clients in, with a later deadline (too few answered in time). */
  void widen(List<String> more, long newDeadlineNanos) {
    selected.addAll(more);
    deadline = newDeadlineNanos;
  }

  long deadline() {
    return deadline;
  }

  boolean allAnswered() {
    return selected.stream().allMatch(this::answered);
  }

  /** The selected clients that have not answered. */
  List<String> silent() {
    return selected.stream().filter(c -> !answered(c)).toList();
  }

  List<Accepted> accepted() {
    return List.copyOf(accepted.values());
  }

  /** "client: reason" for each refused update. */
  List<String> refusals() {
    List<String> out = new ArrayList<>();
    refused.forEach((c, r) -> out.add(c + ": " + r));
    return out;
  }

  /** Bytes of the round, both directions: models down, updates (taken or not) up. */
  long bytes() {
    return bytesDown + bytesUpRefused + accepted.values().stream().mapToLong(Accepted::bytes).sum();
  }
}
