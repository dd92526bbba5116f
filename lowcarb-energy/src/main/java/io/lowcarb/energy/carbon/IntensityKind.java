package io.lowcarb.energy.carbon;

/** What an intensity figure stands for. */
public enum IntensityKind {
  /** A yearly average for a zone, from a table. */
  ANNUAL_AVERAGE("annual-average"),
  /** A value of a time series at the time of use. */
  SERIES("series"),
  /** A forecast value. */
  FORECAST("forecast"),
  /** A marginal operating emissions rate (the emissions of the plants that answer a change in demand). */
  MARGINAL("marginal"),
  /** A forecast of a marginal emissions rate. */
  MARGINAL_FORECAST("marginal-forecast"),
  /** A figure the user gave. */
  OVERRIDE("override");

  private final String label;

  IntensityKind(String label) {
    this.label = label;
  }

  /** The name used in JSON: {@code annual-average}, {@code series}, {@code forecast}, {@code marginal}, {@code marginal-forecast}, {@code override}. */
  public String label() {
    return label;
  }
}
