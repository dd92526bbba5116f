package io.lowcarb.advise;

/** What options are ranked by. */
public enum Rank {
  /** Least emissions first. */
  CO2,
  /** Shortest time first. */
  TIME,
  /** Least weighted cost first: a weight on emissions and the rest on time, each relative to its best. */
  COST
}
