package io.lowcarb.energy.sensor;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;

/**
 * One source of energy figures for one component. A sensor is stateful: each call to {@link
 * #sample} returns the energy since the previous call. The meter calls it from one thread at a
 * time.
 */
public interface EnergySensor extends AutoCloseable {

  /** A short name, for example {@code rapl:package-0} or {@code nvml:0}. */
  String name();

  /** The component measured. */
  Component component();

  /** How the figures are obtained. */
  Method method();

  /** The relative uncertainty of the figures, in percent (an approximate bound, see the docs). */
  double uncertaintyPct();

  /**
   * The energy since the previous call (the first call starts counting and returns zero).
   *
   * @param activity the interval that just ended
   */
  EnergyDelta sample(Activity activity);

  @Override
  default void close() {}
}
