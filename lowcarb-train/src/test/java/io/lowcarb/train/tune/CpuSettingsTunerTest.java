package io.lowcarb.train.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.train.BatchSizeTuner;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSettingsTunerTest {
  static CpuSettingsTuner.Trial trial(int threads, int batch, boolean reached, double joules, double seconds) {
    return new CpuSettingsTuner.Trial(threads, new BatchSizeTuner.Trial(batch, reached, 3, joules / 3.6e6, 0, seconds, 0.96));
  }

  final List<CpuSettingsTuner.Trial> trials = List.of(
      trial(1, 128, true, 10, 4),   // frugal but slow
      trial(4, 64, true, 16, 1),    // fast
      trial(8, 16, false, 5, 0.5)); // cheapest, but never reached the target

  @Test
  void theLeastEnergyAmongThoseThatReachedTheTargetWins() {
    assertThat(CpuSettingsTuner.best(trials, new EnergyTimeCost(1, 20)).orElseThrow().threads()).isEqualTo(1);
  }

  @Test
  void weighingTimePicksTheFasterSetting() {
    // cost at weight 0.5 and 20 W: 1 thread 0.5*10 + 0.5*20*4 = 45 J; 4 threads 0.5*16 + 0.5*20*1 = 18 J
    assertThat(CpuSettingsTuner.best(trials, new EnergyTimeCost(0.5, 20)).orElseThrow().threads()).isEqualTo(4);
  }

  @Test
  void nothingWinsWhenNothingReachedTheTarget() {
    assertThat(CpuSettingsTuner.best(List.of(trials.get(2)), new EnergyTimeCost(1, 20))).isEmpty();
  }
}
