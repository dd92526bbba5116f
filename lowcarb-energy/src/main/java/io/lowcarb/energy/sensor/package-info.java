/** The sensor interface and what it is fed: one interval's activity, one interval's energy. */
package io.lowcarb.energy.sensor;
