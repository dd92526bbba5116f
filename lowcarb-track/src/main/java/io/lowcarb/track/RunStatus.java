package io.lowcarb.track;

/** Where a run stands. */
public enum RunStatus {
  /** Started and not finished: still running, or the process ended without saying so. */
  RUNNING,
  FINISHED,
  FAILED
}
