/** Reading Linux {@code /proc}: machine CPU time, a process tree's CPU time and memory, the CPU model. */
package io.lowcarb.energy.proc;
