package io.lowcarb.energy.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessStatTest {

  @Test
  void readsThePidParentTimesAndRss() {
    ProcessStat s = ProcessStat.parse(FakeProc.statLine(4242, 17, "python3", 110, 20, 300, 40, 5120));
    assertThat(s).isEqualTo(new ProcessStat(4242, 17, 130, 340, 5120));
    assertThat(s.totalTicks()).isEqualTo(470);
  }

  @Test
  void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
    ProcessStat s = ProcessStat.parse(FakeProc.statLine(42, 7, "my (weird) cmd", 11, 22, 33, 44, 55));
    assertThat(s).isEqualTo(new ProcessStat(42, 7, 33, 77, 55));
  }

  @Test
  void aNameThatLooksLikeTheFollowingFieldsIsStillOneName() {
    // A process may name itself ") R 1 1 1": only the last ')' ends the name.
    ProcessStat s = ProcessStat.parse(FakeProc.statLine(9, 3, "x) R 1 1 1", 5, 6, 0, 0, 7));
    assertThat(s.parentPid()).isEqualTo(3);
    assertThat(s.cpuTicks()).isEqualTo(11);
    assertThat(s.rssPages()).isEqualTo(7);
  }

  @Test
  void refusesLinesThatAreNotStatLines() {
    assertThatThrownBy(() -> ProcessStat.parse("42 no parentheses here")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessStat.parse("42 (short) S 1 2 3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("42");
    assertThatThrownBy(() -> ProcessStat.parse(FakeProc.statLine(1, 0, "init", 0, 0, 0, 0, 0).replaceFirst("^1", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
