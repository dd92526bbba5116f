package io.lowcarb.energy.proc;

/**
 * Machine memory from {@code /proc/meminfo}.
 *
 * @param totalBytes {@code MemTotal}
 * @param availableBytes {@code MemAvailable}
 */
public record MemoryInfo(long totalBytes, long availableBytes) {

  /** Memory in use: total minus available, in bytes. */
  public long usedBytes() {
    return Math.max(0, totalBytes - availableBytes);
  }
}
