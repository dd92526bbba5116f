package io.lowcarb.energy.proc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The two system constants that turn {@code /proc} figures into units: clock ticks per second
 * and the page size, read with {@code sysconf(3)} through the FFM API.
 */
public final class Sysconf {
  private static final int SC_CLK_TCK = 2; // from <bits/confname.h> on Linux
  private static final int SC_PAGESIZE = 30;
  private static final long CLOCK_TICKS = read(SC_CLK_TCK, 100);
  private static final long PAGE_SIZE = read(SC_PAGESIZE, 4096);

  private Sysconf() {}

  /** Clock ticks per second ({@code USER_HZ}), the unit of CPU times in {@code /proc}. */
  public static long clockTicksPerSecond() {
    return CLOCK_TICKS;
  }

  /** The page size in bytes, the unit of {@code rss} in {@code /proc/PID/stat}. */
  public static long pageSize() {
    return PAGE_SIZE;
  }

  private static long read(int name, long fallback) {
    try {
      Linker linker = Linker.nativeLinker();
      MethodHandle sysconf =
          linker.downcallHandle(
              linker.defaultLookup().find("sysconf").orElseThrow(),
              FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
      long value = (long) sysconf.invokeExact(name);
      return value > 0 ? value : fallback;
    } catch (Throwable e) {
      return fallback; // Linux's usual values
    }
  }
}
