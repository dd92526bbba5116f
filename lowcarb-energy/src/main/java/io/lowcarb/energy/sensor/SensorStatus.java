package io.lowcarb.energy.sensor;

import io.lowcarb.energy.Component;

/**
 * What a sensor offers on this machine, for {@code lowcarb sensors}.
 *
 * @param component the component it measures
 * @param kind the sensor kind, for example {@code rapl}, {@code nvml}, {@code estimate}
 * @param state whether it is used
 * @param detail what was found, or why it is not usable
 * @param fix how to make it usable; empty when nothing is to be done
 */
public record SensorStatus(Component component, String kind, State state, String detail, String fix) {

  /** Whether a sensor is used. */
  public enum State {
    /** Found and used. */
    USED,
    /** Found and readable, but a better sensor is used instead. */
    AVAILABLE,
    /** Present but not readable (for example, permissions). */
    UNREADABLE,
    /** Not present on this machine. */
    ABSENT
  }
}
