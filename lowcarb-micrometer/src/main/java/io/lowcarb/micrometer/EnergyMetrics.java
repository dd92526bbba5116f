package io.lowcarb.micrometer;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Meter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;

/**
 * Binds a lowcarb {@link Meter} to a Micrometer registry:
 *
 * <ul>
 *   <li>{@code lowcarb.power} (gauge, W), per component: machine power over the last interval;
 *   <li>{@code lowcarb.energy} (counter, J), per component and scope ({@code machine}, {@code
 *       process}): energy since the meter started;
 *   <li>{@code lowcarb.emissions} (counter, gCO2e), per scope.
 * </ul>
 *
 * Every meter carries a {@code method} tag ({@code rapl}, {@code nvml}, {@code estimate}...) so
 * dashboards never mix measured and estimated figures unknowingly. The values are read from the
 * meter's last sample: binding costs no extra sampling.
 */
public final class EnergyMetrics implements MeterBinder {
  private final Meter meter;
  private final Iterable<Tag> tags;

  /** Binds {@code meter} with no extra tags. */
  public EnergyMetrics(Meter meter) {
    this(meter, Tags.empty());
  }

  /** Binds {@code meter}, adding {@code tags} to every Micrometer meter. */
  public EnergyMetrics(Meter meter, Iterable<Tag> tags) {
    this.meter = Objects.requireNonNull(meter);
    this.tags = tags;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Component component : components()) {
      Tags base = Tags.of(tags).and("component", component.label(), "method", method(component));
      Gauge.builder("lowcarb.power", meter, m -> m.machineWatts().getOrDefault(component, 0.0))
          .tags(base)
          .baseUnit("watts")
          .description("Power of the component over the last sampling interval")
          .register(registry);
      FunctionCounter.builder("lowcarb.energy", meter, m -> m.machineJoules().getOrDefault(component, 0.0))
          .tags(base.and("scope", "machine"))
          .baseUnit("joules")
          .description("Energy used by the component since the meter started")
          .register(registry);
      FunctionCounter.builder("lowcarb.energy", meter, m -> m.processJoules().getOrDefault(component, 0.0))
          .tags(base.and("scope", "process"))
          .baseUnit("joules")
          .description("Energy attributed to this process since the meter started")
          .register(registry);
    }
    FunctionCounter.builder("lowcarb.emissions", meter, Meter::machineGrams)
        .tags(Tags.of(tags).and("scope", "machine", "zone", meter.intensity().zone()))
        .baseUnit("grams")
        .description("Emissions (gCO2e) of the machine since the meter started")
        .register(registry);
    FunctionCounter.builder("lowcarb.emissions", meter, Meter::processGrams)
        .tags(Tags.of(tags).and("scope", "process", "zone", meter.intensity().zone()))
        .baseUnit("grams")
        .description("Emissions (gCO2e) attributed to this process since the meter started")
        .register(registry);
  }

  private List<Component> components() {
    return meter.sensors().stream().map(s -> s.component()).distinct().toList();
  }

  private String method(Component component) {
    return meter.sensors().stream()
        .filter(s -> s.component() == component)
        .map(s -> s.method().label())
        .findFirst()
        .orElse("none");
  }
}
