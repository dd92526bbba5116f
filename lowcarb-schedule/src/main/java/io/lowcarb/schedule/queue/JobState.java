package io.lowcarb.schedule.queue;

import java.util.Locale;

/** Where a job is in its life. */
public enum JobState {
  /** Waiting for its planned start, or for a worker to pick it up. */
  QUEUED,
  /** A worker is running it. */
  RUNNING,
  /** It ran to its end with exit code 0. */
  DONE,
  /** It ran to its end with another exit code, or its command could not be run. */
  FAILED,
  /** It was cancelled before it started. */
  CANCELLED;

  /** True once nothing more will happen to the job. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  /** The name stored in the database. */
  String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static JobState ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
