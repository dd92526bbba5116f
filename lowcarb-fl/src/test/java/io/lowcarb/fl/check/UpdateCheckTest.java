package io.lowcarb.fl.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpdateCheckTest {
  private final UpdateCheck check = new UpdateCheck(1210, 2048);

  @Test
  void refusesWithAReason() {
    assertThat(check.refuse(new float[1000], 100)).contains("1,000 values, expected 1,210");
    float[] nan = new float[1210];
    nan[17] = Float.NaN;
    assertThat(check.refuse(nan, 100)).contains("value 17 is NaN");
    float[] inf = new float[1210];
    inf[3] = Float.NEGATIVE_INFINITY;
    assertThat(check.refuse(inf, 100)).contains("value 3 is infinite");
    assertThat(check.refuse(new float[1210], 4096)).contains("4,096 bytes, over the 2,048-byte limit");
  }

  @Test
  void passesAGoodUpdate() {
    assertThat(check.refuse(new float[1210], 2048)).isEmpty();
    assertThat(UpdateCheck.forModel(10).refuse(new float[10], 45)).isEmpty();
  }
}
