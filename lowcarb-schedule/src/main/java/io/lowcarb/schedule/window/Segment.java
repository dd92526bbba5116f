package io.lowcarb.schedule.window;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time, {@code [start, end)}. */
public record Segment(Instant start, Instant end) {

  public Segment {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a segment must end after it starts: " + start + " to " + end);
    }
  }

  /** Its length. */
  public Duration duration() {
    return Duration.between(start, end);
  }
}
