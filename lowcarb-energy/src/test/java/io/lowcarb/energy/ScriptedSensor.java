package io.lowcarb.energy;

import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Returns the same energy for every interval after the first; counts its samples; can be made to fail. */
final class ScriptedSensor implements EnergySensor {
  private final String name;
  private final Component component;
  private final Method method;
  private final double uncertaintyPct;
  private final EnergyDelta perSample;
  final AtomicInteger samples = new AtomicInteger();
  final AtomicBoolean failNext = new AtomicBoolean();
  final AtomicBoolean closed = new AtomicBoolean();

  ScriptedSensor(String name, Component component, Method method, double uncertaintyPct, EnergyDelta perSample) {
    this.name = name;
    this.component = component;
    this.method = method;
    this.uncertaintyPct = uncertaintyPct;
    this.perSample = perSample;
  }

  /** A CPU sensor giving {@code machine} J per interval, {@code process} J of it to the process. */
  static ScriptedSensor cpu(double machine, double process) {
    return new ScriptedSensor("scripted:cpu", Component.CPU, Method.RAPL, 10, new EnergyDelta(machine, process));
  }

  /** The energy given so far (every interval but the first). */
  EnergyDelta given() {
    int counted = Math.max(0, samples.get() - 1);
    return new EnergyDelta(counted * perSample.machineJoules(), counted * perSample.processJoules());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public Method method() {
    return method;
  }

  @Override
  public double uncertaintyPct() {
    return uncertaintyPct;
  }

  @Override
  public EnergyDelta sample(Activity activity) {
    if (failNext.getAndSet(false)) {
      throw new IllegalStateException("device gone");
    }
    return samples.getAndIncrement() == 0 ? EnergyDelta.ZERO : perSample;
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
