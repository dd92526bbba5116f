/**
 * The meter: measures the energy (J, kWh) and emissions (gCO2e, kgCO2e) of a task, with every
 * figure labelled by how it was obtained. Start with {@link io.lowcarb.energy.Meter#builder()}.
 */
package io.lowcarb.energy;
