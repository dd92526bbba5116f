package io.lowcarb.energy.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnergyDeltaTest {

  @Test
  void holdsMachineAndProcessJoules() {
    EnergyDelta d = new EnergyDelta(1.5, 0.5);
    assertThat(d.machineJoules()).isEqualTo(1.5);
    assertThat(d.processJoules()).isEqualTo(0.5);
    assertThat(EnergyDelta.ZERO).isEqualTo(new EnergyDelta(0, 0));
  }

  @Test
  void refusesNegativeAndNaN() {
    assertThatThrownBy(() -> new EnergyDelta(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnergyDelta(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnergyDelta(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnergyDelta(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesInfinity() {
    assertThatThrownBy(() -> new EnergyDelta(Double.POSITIVE_INFINITY, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnergyDelta(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }
}
