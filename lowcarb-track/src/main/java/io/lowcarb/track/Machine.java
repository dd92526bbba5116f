package io.lowcarb.track;

import io.lowcarb.energy.MachineInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The machine a run ran on.
 *
 * @param host the host name
 * @param cpuModel the CPU model, or "unknown"
 * @param cpus logical CPUs
 * @param ramBytes installed memory, in bytes
 * @param gpus the GPUs measured
 * @param os operating system, version and architecture
 */
public record Machine(String host, String cpuModel, int cpus, long ramBytes, List<String> gpus, String os) {
  public Machine {
    gpus = List.copyOf(gpus);
  }

  /** The machine described by the meter, on this host. */
  public static Machine of(MachineInfo info) {
    return new Machine(localHost(), info.cpuModel(), info.cpus(), info.ramBytes(), info.gpus(), info.os());
  }

  /** This host, as far as the JVM can tell without a meter. */
  public static Machine local() {
    return new Machine(
        localHost(),
        "unknown",
        Runtime.getRuntime().availableProcessors(),
        0,
        List.of(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  static String localHost() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
