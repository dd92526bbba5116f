package io.lowcarb.energy.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The real NVML, {@code libnvidia-ml.so.1}, bound with the FFM API. Calls are serialised: NVML is
 * thread-safe, but the meter reads from one thread anyway and this keeps the buffers simple.
 */
public final class NvmlLibrary implements Nvml {
  /** The library's soname, as installed by the NVIDIA driver. */
  public static final String LIBRARY = "libnvidia-ml.so.1";

  private static final int NAME_BUFFER = 96; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
  private static final int UUID_BUFFER = 96; // NVML_DEVICE_UUID_V2_BUFFER_SIZE

  private final Arena arena;
  private final MethodHandle shutdown;
  private final MethodHandle getCount;
  private final MethodHandle getHandle;
  private final MethodHandle getName;
  private final MethodHandle getUuid;
  private final MethodHandle getEnergy;
  private final MethodHandle getPower;
  private final MethodHandle getLimit;
  private final MethodHandle getLimitRange;
  private final MethodHandle setLimit;
  private final MethodHandle errorString;
  private boolean closed;

  private NvmlLibrary(Arena arena, SymbolLookup lookup) throws NvmlUnavailableException {
    this.arena = arena;
    Linker linker = Linker.nativeLinker();
    MethodHandle init = handle(linker, lookup, "nvmlInit_v2", FunctionDescriptor.of(JAVA_INT));
    shutdown = handle(linker, lookup, "nvmlShutdown", FunctionDescriptor.of(JAVA_INT));
    getCount = handle(linker, lookup, "nvmlDeviceGetCount_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    getHandle =
        handle(linker, lookup, "nvmlDeviceGetHandleByIndex_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    getName =
        handle(linker, lookup, "nvmlDeviceGetName", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    getUuid =
        handle(linker, lookup, "nvmlDeviceGetUUID", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    getEnergy =
        handle(
            linker, lookup, "nvmlDeviceGetTotalEnergyConsumption", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    getPower = handle(linker, lookup, "nvmlDeviceGetPowerUsage", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    getLimit = handle(
        linker, lookup, "nvmlDeviceGetPowerManagementLimit", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    getLimitRange = handle(linker, lookup, "nvmlDeviceGetPowerManagementLimitConstraints",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    setLimit = handle(
        linker, lookup, "nvmlDeviceSetPowerManagementLimit", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    errorString = handle(linker, lookup, "nvmlErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    int rc;
    try {
      rc = (int) init.invokeExact();
    } catch (Throwable e) {
      throw new NvmlUnavailableException("nvmlInit_v2 failed: " + e);
    }
    if (rc != 0) {
      throw new NvmlUnavailableException(
          "nvmlInit_v2 returned " + rc + " (" + message(rc) + "): is the NVIDIA driver loaded?");
    }
  }

  /**
   * Loads and initialises NVML from {@code library} (a soname or a path).
   *
   * @throws NvmlUnavailableException when the library is absent or does not initialise
   */
  public static NvmlLibrary open(String library) throws NvmlUnavailableException {
    Arena arena = Arena.ofShared();
    SymbolLookup lookup;
    try {
      lookup = SymbolLookup.libraryLookup(library, arena);
    } catch (IllegalArgumentException e) {
      arena.close();
      throw new NvmlUnavailableException(
          library + " not found: no NVIDIA driver is installed (or it is not on the loader path)");
    } catch (IllegalCallerException e) {
      arena.close();
      throw new NvmlUnavailableException(
          "native access is disabled: run java with --enable-native-access=ALL-UNNAMED");
    }
    try {
      return new NvmlLibrary(arena, lookup);
    } catch (NvmlUnavailableException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  /** Loads the driver's library, {@value #LIBRARY}. */
  public static NvmlLibrary open() throws NvmlUnavailableException {
    return open(LIBRARY);
  }

  private static MethodHandle handle(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor descriptor)
      throws NvmlUnavailableException {
    MemorySegment symbol =
        lookup.find(name).orElseThrow(() -> new NvmlUnavailableException(LIBRARY + " has no symbol " + name));
    return linker.downcallHandle(symbol, descriptor);
  }

  private String message(int rc) {
    try {
      MemorySegment text = (MemorySegment) errorString.invokeExact(rc);
      return text.reinterpret(256).getString(0);
    } catch (Throwable e) {
      return "NVML error " + rc;
    }
  }

  private void check(String call, int rc) throws NvmlException {
    if (rc != 0) {
      throw new NvmlException(rc, call + ": " + message(rc));
    }
  }

  /** One native call with its own scratch memory; any failure becomes an {@link NvmlException}. */
  @FunctionalInterface
  private interface NativeCall<T> {
    T call(Arena local) throws Throwable;
  }

  private static <T> T withArena(NativeCall<T> body) throws NvmlException {
    try (Arena local = Arena.ofConfined()) {
      return body.call(local);
    } catch (NvmlException e) {
      throw e;
    } catch (Throwable e) {
      throw new NvmlException(-1, e.toString());
    }
  }

  private MemorySegment device(Arena local, int index) throws Throwable {
    MemorySegment out = local.allocate(ADDRESS);
    check("nvmlDeviceGetHandleByIndex_v2", (int) getHandle.invokeExact(index, out));
    return out.get(ADDRESS, 0);
  }

  @Override
  public synchronized int deviceCount() throws NvmlException {
    return withArena(local -> {
      MemorySegment out = local.allocate(JAVA_INT);
      check("nvmlDeviceGetCount_v2", (int) getCount.invokeExact(out));
      return out.get(JAVA_INT, 0);
    });
  }

  @Override
  public synchronized String name(int index) throws NvmlException {
    return text(index, getName, "nvmlDeviceGetName", NAME_BUFFER);
  }

  @Override
  public synchronized String uuid(int index) throws NvmlException {
    return text(index, getUuid, "nvmlDeviceGetUUID", UUID_BUFFER);
  }

  private String text(int index, MethodHandle call, String callName, int size) throws NvmlException {
    return withArena(local -> {
      MemorySegment device = device(local, index);
      MemorySegment buffer = local.allocate(size);
      check(callName, (int) call.invokeExact(device, buffer, size));
      return buffer.getString(0);
    });
  }

  @Override
  public synchronized long totalEnergyMillijoules(int index) throws NvmlException {
    return withArena(local -> {
      MemorySegment device = device(local, index);
      MemorySegment out = local.allocate(JAVA_LONG);
      check("nvmlDeviceGetTotalEnergyConsumption", (int) getEnergy.invokeExact(device, out));
      return out.get(JAVA_LONG, 0);
    });
  }

  @Override
  public synchronized long powerMilliwatts(int index) throws NvmlException {
    return unsignedInt(index, getPower, "nvmlDeviceGetPowerUsage");
  }

  @Override
  public synchronized long powerLimitMilliwatts(int index) throws NvmlException {
    return unsignedInt(index, getLimit, "nvmlDeviceGetPowerManagementLimit");
  }

  /** A call of the form {@code nvmlReturn_t f(nvmlDevice_t, unsigned int *)}. */
  private long unsignedInt(int index, MethodHandle call, String callName) throws NvmlException {
    return withArena(local -> {
      MemorySegment device = device(local, index);
      MemorySegment out = local.allocate(JAVA_INT);
      check(callName, (int) call.invokeExact(device, out));
      return Integer.toUnsignedLong(out.get(JAVA_INT, 0));
    });
  }

  @Override
  public synchronized PowerLimitRange powerLimitRange(int index) throws NvmlException {
    return withArena(local -> {
      MemorySegment device = device(local, index);
      MemorySegment min = local.allocate(JAVA_INT);
      MemorySegment max = local.allocate(JAVA_INT);
      check("nvmlDeviceGetPowerManagementLimitConstraints", (int) getLimitRange.invokeExact(device, min, max));
      return new PowerLimitRange(
          Integer.toUnsignedLong(min.get(JAVA_INT, 0)), Integer.toUnsignedLong(max.get(JAVA_INT, 0)));
    });
  }

  @Override
  public synchronized void setPowerLimitMilliwatts(int index, long milliwatts) throws NvmlException {
    if (milliwatts <= 0 || milliwatts > 0xFFFF_FFFFL) {
      throw new NvmlException(2, "nvmlDeviceSetPowerManagementLimit: limit out of range: " + milliwatts + " mW");
    }
    withArena(local -> {
      MemorySegment device = device(local, index);
      check("nvmlDeviceSetPowerManagementLimit", (int) setLimit.invokeExact(device, (int) milliwatts));
      return null;
    });
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      int rc = (int) shutdown.invokeExact();
      if (rc != 0) {
        System.getLogger(NvmlLibrary.class.getName())
            .log(System.Logger.Level.DEBUG, "nvmlShutdown returned " + rc);
      }
    } catch (Throwable e) {
      // Shutting down: nothing to do about it.
    }
    arena.close();
  }
}
