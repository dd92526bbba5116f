package io.lowcarb.energy.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityTest {

  private static Activity memory(long rss, long used) {
    return new Activity(Instant.EPOCH, 1, 0, 0, rss, used, 16_000_000_000L);
  }

  @Test
  void theMemoryShareIsRssOverUsedMemoryBetweenZeroAndOne() {
    assertThat(memory(1_000, 4_000).processMemoryShare()).isEqualTo(0.25);
    assertThat(memory(8_000, 4_000).processMemoryShare()).isEqualTo(1.0); // shared pages counted twice
    assertThat(memory(1_000, 0).processMemoryShare()).isZero();
  }
}
