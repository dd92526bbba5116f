package io.lowcarb.train.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.nvml.PowerLimitRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerLimitSweepTest {
  final SimulatedGpu gpu = new SimulatedGpu();
  final PowerLimitSweep sweep = new PowerLimitSweep(gpu, gpu);

  @Test
  void limitsRunFromTheTopOfTheRangeDown() {
    assertThat(PowerLimitSweep.limits(new PowerLimitRange(100_000, 300_000), 50))
        .containsExactly(300.0, 250.0, 200.0, 150.0, 100.0);
  }

  @Test
  void findsTheLimitOfLeastEnergyAndPutsTheOldLimitBack() throws Exception {
    gpu.limitMw = 275_000;
    List<LimitTrial> trials = sweep.sweep(PowerLimitSweep.limits(gpu.range(), 25), () -> gpu.step());
    assertThat(trials).hasSize(9);
    for (LimitTrial t : trials) {
      assertThat(t.joules()).isCloseTo(SimulatedGpu.joules(t.limitWatts()), within(0.01));
      assertThat(t.seconds()).isCloseTo(SimulatedGpu.seconds(t.limitWatts()), within(1e-6));
    }
    // 150 W: 265.9 J per step against 300 J at 300 W (11 % less) and 331.7 J at 100 W
    LimitTrial frugal = PowerLimitSweep.best(trials, new EnergyTimeCost(1, 300));
    assertThat(frugal.limitWatts()).isEqualTo(150);
    assertThat(frugal.joules()).isCloseTo(265.9, within(0.1));
    assertThat(gpu.limitMw).isEqualTo(275_000);
  }

  @Test
  void aWeightOnTimePicksAHigherLimit() throws Exception {
    List<LimitTrial> trials = sweep.sweep(PowerLimitSweep.limits(gpu.range(), 25), () -> gpu.step());
    assertThat(PowerLimitSweep.best(trials, new EnergyTimeCost(0, 300)).limitWatts()).isEqualTo(300);
    double balanced = PowerLimitSweep.best(trials, new EnergyTimeCost(0.5, 300)).limitWatts();
    assertThat(balanced).isBetween(150.0, 300.0);
  }

  @Test
  void theLimitIsPutBackWhenAStepFails() {
    gpu.limitMw = 250_000;
    int[] calls = {0};
    assertThatThrownBy(() -> sweep.sweep(List.of(300.0, 200.0, 100.0), () -> {
      if (++calls[0] == 3) {
        throw new IllegalStateException("CUDA out of memory");
      }
      gpu.step();
    })).hasMessage("CUDA out of memory");
    assertThat(gpu.limitMw).isEqualTo(250_000);
  }

  @Test
  void aLimitOutsideTheRangeIsRefusedBeforeAnythingIsSet() {
    assertThatThrownBy(() -> sweep.sweep(List.of(300.0, 50.0), () -> gpu.step()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("power limit 50 W is outside Simulated GPU's range 100-300 W");
    assertThat(gpu.sets).isZero();
  }
}
