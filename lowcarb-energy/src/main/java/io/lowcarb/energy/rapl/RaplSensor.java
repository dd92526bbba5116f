package io.lowcarb.energy.rapl;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.io.IOException;
import java.util.List;

/**
 * CPU or RAM energy from the sum of RAPL domains: the packages of all sockets for the CPU, their
 * dram domains for RAM. Machine energy is attributed to the measured process tree by its CPU share
 * (CPU) or its share of used memory (RAM).
 */
public final class RaplSensor implements EnergySensor {
  /**
   * RAPL package energy tracks wall power closely on recent CPUs (Khan et al., "RAPL in Action",
   * ACM TOMPECS 2018); this bound leaves room for older models and for what the package omits.
   */
  static final double UNCERTAINTY_PCT = 10;

  private final SysfsReader reader;
  private final Component component;
  private final List<RaplDomain> domains;
  private final long[] last;
  private final boolean[] seen;

  /**
   * @param component {@link Component#CPU} for package domains, {@link Component#RAM} for dram
   * @param domains readable domains to sum
   */
  public RaplSensor(Component component, List<RaplDomain> domains) {
    this(component, domains, SysfsReader.FILES);
  }

  /** The same, reading through {@code reader}. */
  public RaplSensor(Component component, List<RaplDomain> domains, SysfsReader reader) {
    this.reader = reader;
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("a RAPL sensor needs at least one domain");
    }
    this.component = component;
    this.domains = List.copyOf(domains);
    this.last = new long[domains.size()];
    this.seen = new boolean[domains.size()];
  }

  /** The domains summed. */
  public List<RaplDomain> domains() {
    return domains;
  }

  @Override
  public String name() {
    return "rapl:" + String.join("+", domains.stream().map(RaplDomain::name).toList());
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public Method method() {
    return Method.RAPL;
  }

  @Override
  public double uncertaintyPct() {
    return UNCERTAINTY_PCT;
  }

  @Override
  public EnergyDelta sample(Activity activity) {
    long microjoules = 0;
    for (int i = 0; i < domains.size(); i++) {
      RaplDomain domain = domains.get(i);
      long now;
      try {
        now = Powercap.readEnergyUj(reader, domain);
      } catch (IOException | NumberFormatException e) {
        continue; // keep the last reading; the next one catches up
      }
      if (seen[i]) {
        microjoules += EnergyCounter.delta(last[i], now, domain.maxEnergyRangeUj());
      }
      last[i] = now;
      seen[i] = true; // a domain counts from its own first reading, never from zero
    }
    double joules = microjoules / 1e6;
    // RAPL measures the whole package: a process share of a cgroup's slice is a smaller share of it.
    double share = component == Component.RAM
        ? activity.processMemoryShare()
        : activity.processShare() * activity.capacityShare();
    return new EnergyDelta(joules, joules * share);
  }
}
