package io.lowcarb.schedule.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestPlaceTest {
  private static final Instant T0 = Instant.parse("2023-06-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static BestWindow series(double... values) {
    return new BestWindow(Slots.of(T0, HOUR, values));
  }

  @Test
  void theCleanestZoneWinsOnceItsPueIsCounted() {
    BestPlace place = new BestPlace(List.of(
        new BestPlace.Zone("home", series(400, 300, 350), 1.2),
        new BestPlace.Zone("hydro", series(30, 30, 30), 1.6),
        new BestPlace.Zone("wind", series(200, 25, 200), 1.1)));
    List<BestPlace.Placement> ranked = place.contiguous(T0, T0.plus(HOUR.multipliedBy(3)), HOUR);
    assertThat(ranked).extracting(p -> p.zone().zone()).containsExactly("wind", "hydro", "home");
    assertThat(ranked.getFirst().plan().start()).isEqualTo(T0.plus(HOUR));
    assertThat(ranked.getFirst().effectiveIntensity()).isCloseTo(27.5, within(1e-9));
    assertThat(ranked.getFirst().savingsPct()).isCloseTo(100 * (1 - 27.5 / (400 * 1.2)), within(1e-9));
    assertThat(ranked.getLast().savingsPct()).isCloseTo(100 * (1 - 300.0 / 400), within(1e-9));
  }

  @Test
  void aPueBelowOneIsRefused() {
    assertThatThrownBy(() -> new BestPlace.Zone("x", series(1), 0.9)).hasMessageContaining("PUE of x");
  }
}
