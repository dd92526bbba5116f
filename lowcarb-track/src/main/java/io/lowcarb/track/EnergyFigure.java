package io.lowcarb.track;

/**
 * The energy of one component over a run.
 *
 * @param component cpu, gpu, ram, or total when a tool reports only the sum
 * @param kwh energy, in kWh
 * @param method measured, estimated or static
 * @param sensor what produced it, for example {@code rapl:package-0}
 */
public record EnergyFigure(String component, double kwh, String method, String sensor) {}
