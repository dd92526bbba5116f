package io.lowcarb.train;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Map;

/**
 * glibc's heap, set up for training. By default glibc adapts its mmap and trim thresholds only
 * once a large block is freed; until then a CNN's batch buffers (megabytes each) are given back to
 * the kernel after every batch and faulted in again on the next. The first validation pass, with
 * its larger batches, raises the thresholds, so the first epoch ran about 30 % costlier per batch
 * than the later ones throughout (CNN on MNIST: 843 J against 583 J), which no prediction from
 * epoch 1 can see. Fixed thresholds keep the buffers in the heap from the first batch.
 */
final class NativeHeap {
  /** glibc's {@code M_TRIM_THRESHOLD} and {@code M_MMAP_THRESHOLD} for {@code mallopt}. */
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_MMAP_THRESHOLD = -3;
  /** Blocks up to this size come from the heap, in bytes. */
  static final int MMAP_THRESHOLD = 256 << 20;
  /** Free memory at the heap's top up to this size is kept, in bytes. */
  static final int TRIM_THRESHOLD = 512 << 20;

  private static boolean done;

  private NativeHeap() {}

  /**
   * Sets the thresholds once per process, unless the environment already chose them. Elsewhere
   * than on glibc, does nothing.
   */
  static synchronized void keepBatchBuffers(Map<String, String> env) {
    if (done || chosenByEnvironment(env)) {
      return;
    }
    done = true;
    set();
  }

  /** Whether glibc's {@code MALLOC_*_} variables or tunables already set the heap's thresholds. */
  static boolean chosenByEnvironment(Map<String, String> env) {
    return env.containsKey("MALLOC_MMAP_THRESHOLD_") || env.containsKey("MALLOC_TRIM_THRESHOLD_")
        || env.getOrDefault("GLIBC_TUNABLES", "").contains("glibc.malloc.");
  }

  /** Sets both thresholds; whether the C library took them (false off Linux, or on a libc without them). */
  static boolean set() {
    if (!System.getProperty("os.name", "").equals("Linux")) {
      return false;
    }
    try {
      Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
      // mallopt returns 1 on success; musl has no mallopt at all.
      boolean mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
      return mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1 && mmap;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return false;
    }
  }
}
