package io.lowcarb.energy.estimate;

import java.util.OptionalInt;

/**
 * A row of the built-in CPU table.
 *
 * @param model the model name as listed, for example {@code Xeon Gold 6248}
 * @param tdpWatts thermal design power of one package, in W
 * @param cores physical cores of one package, when known
 * @param source where the figure comes from
 */
public record CpuSpec(String model, double tdpWatts, OptionalInt cores, String source) {}
