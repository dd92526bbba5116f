package io.lowcarb.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Matching the model that /proc/cpuinfo names against the table's rows. */
class CpuTableTest {
  final CpuTable builtIn = CpuTable.builtIn();

  @Test
  void matchesWholeWordsAndIgnoresTrademarksClockAndCoreCount() {
    CpuSpec gold = builtIn.find("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz").orElseThrow();
    assertThat(gold.model()).isEqualTo("Xeon Gold 6248");
    assertThat(gold.tdpWatts()).isEqualTo(150);
    assertThat(gold.cores()).hasValue(20);
    CpuSpec epyc = builtIn.find("AMD EPYC 7763 64-Core Processor").orElseThrow();
    assertThat(epyc.tdpWatts()).isEqualTo(280);
    assertThat(epyc.cores()).hasValue(64);
  }

  @Test
  void aModelNumberWithASuffixIsAnotherModel() {
    assertThat(builtIn.find("Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz").orElseThrow().model())
        .isEqualTo("Intel Xeon Gold 6248R");
  }

  @Test
  void namesWithoutAModelNumberMatchNothing() {
    assertThat(builtIn.find("Intel(R) Xeon(R) Processor")).isEmpty();
    assertThat(builtIn.find("")).isEmpty();
  }

  @Test
  void theLongestMatchingNameWins() {
    CpuTable table = new CpuTable(List.of(
        new CpuSpec("Ryzen 5", 65, OptionalInt.empty(), "a"),
        new CpuSpec("Ryzen 5 3600", 65, OptionalInt.of(6), "b"),
        new CpuSpec("Ryzen 5 3600X", 95, OptionalInt.of(6), "c")));
    assertThat(table.find("AMD Ryzen 5 3600 6-Core Processor").orElseThrow().source()).isEqualTo("b");
    assertThat(table.find("AMD Ryzen 5 3600X 6-Core Processor").orElseThrow().source()).isEqualTo("c");
    assertThat(table.size()).isEqualTo(3);
  }
}
