/** RAPL energy counters read through Linux powercap sysfs ({@code /sys/class/powercap}). */
package io.lowcarb.energy.rapl;
