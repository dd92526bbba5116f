package io.lowcarb.fl.grpc.server;

import io.lowcarb.fl.select.Selection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients that joined, where they train and whether they can take a task now. A client is
 * available while it waits for a task, or called within the liveness window; one that missed a
 * round's deadline or dropped its connection is not, until it calls again. Not thread-safe: the
 * coordinator guards it.
 */
final class Roster {
  /**
   * What the server knows of a client.
   *
   * @param zone its grid zone
   * @param gPerKwh its grid's carbon intensity when it last called, gCO2e/kWh
   * @param examples the training examples it holds
   * @param lastSeen when it last called
   * @param reachable false after it dropped a call or missed a deadline, until it calls again
   */
  record Member(String zone, double gPerKwh, int examples, Instant lastSeen, boolean reachable) {}

  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Duration liveness;

  /** @param liveness how long after its last call a client still counts as available */
  Roster(Duration liveness) {
    this.liveness = liveness;
  }

  void joined(String client, String zone, double gPerKwh, int examples, Instant now) {
    members.put(client, new Member(zone, gPerKwh, examples, now, true));
  }

  /** A call from a client that joined; its grid as it reports it now. */
  void seen(String client, String zone, double gPerKwh, Instant now) {
    Member m = members.get(client);
    if (m != null) {
      members.put(client, new Member(zone.isEmpty() ? m.zone() : zone, gPerKwh, m.examples(), now, true));
    }
  }

  /** The client is not to be counted on until it calls again. */
  void lost(String client) {
    members.computeIfPresent(client, (c, m) -> new Member(m.zone(), m.gPerKwh(), m.examples(), m.lastSeen(), false));
  }

  boolean joined(String client) {
    return members.containsKey(client);
  }

  /** The examples the client said it holds when it last joined (0 when it did not join). */
  int examples(String client) {
    Member m = members.get(client);
    return m == null ? 0 : m.examples();
  }

  /** The clients that could take a task now, with their grid's intensity. */
  List<Selection.Candidate> available(Instant now, java.util.Set<String> waiting) {
    List<Selection.Candidate> out = new ArrayList<>();
    members.forEach((client, m) -> {
      boolean recent = m.reachable() && !m.lastSeen().plus(liveness).isBefore(now);
      if (waiting.contains(client) || recent) {
        out.add(new Selection.Candidate(client, m.gPerKwh()));
      }
    });
    return out;
  }

  /** Every client that ever joined. */
  java.util.Set<String> all() {
    return java.util.Set.copyOf(members.keySet());
  }
}
