package io.lowcarb.track.codecarbon;

/** Headers of CodeCarbon's versions, for tests that write their own rows. */
final class CodeCarbonImportTestHeaders {
  /** CodeCarbon 3.x: the same columns, in the same order, as lowcarb's export before its own two. */
  static final String V3 = io.lowcarb.energy.report.CodeCarbonCsv.CODECARBON_HEADER;

  private CodeCarbonImportTestHeaders() {}
}
