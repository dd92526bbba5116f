package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
  @Test
  void whatTheEnvironmentChoseIsLeftAlone() {
    assertThat(NativeHeap.chosenByEnvironment(Map.of())).isFalse();
    assertThat(NativeHeap.chosenByEnvironment(Map.of("MALLOC_TRIM_THRESHOLD_", "1000000"))).isTrue();
    assertThat(NativeHeap.chosenByEnvironment(Map.of("MALLOC_MMAP_THRESHOLD_", "1000000"))).isTrue();
    assertThat(NativeHeap.chosenByEnvironment(Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1"))).isTrue();
    assertThat(NativeHeap.chosenByEnvironment(Map.of("GLIBC_TUNABLES", "glibc.rtld.nns=2"))).isFalse();
  }

  @Test
  void glibcTakesBothThresholds() {
    // glibc's dynamic loader is where Debian and most distributions put it
    assumeTrue(Files.exists(Path.of("/lib64/ld-linux-x86-64.so.2")) || Files.exists(Path.of("/lib/ld-linux-aarch64.so.1")),
        "not a glibc system");
    assertThat(NativeHeap.set()).isTrue();
  }
}
