package io.lowcarb.energy;

import java.util.List;

/**
 * The machine a measurement ran on.
 *
 * @param cpuModel the CPU model from {@code /proc/cpuinfo}, or "unknown"
 * @param cpus logical CPUs visible to this system
 * @param ramBytes installed memory, in bytes
 * @param gpus names of the GPUs measured
 * @param os operating system name, version and architecture
 * @param javaVersion the JVM's version
 */
public record MachineInfo(String cpuModel, int cpus, long ramBytes, List<String> gpus, String os, String javaVersion) {}
