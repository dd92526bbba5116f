package io.lowcarb.track.codecarbon;

/** Why a row of an emissions.csv cannot be imported: the row is skipped, and named by its line. */
final class RowProblem extends Exception {
  private static final long serialVersionUID = 1L;

  RowProblem(String reason) {
    super(reason, null, false, false);
  }
}
