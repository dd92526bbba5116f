package io.lowcarb.advise;

/** The work to advise on: a run that was measured, or a count of floating-point operations. */
public sealed interface Workload permits MeasuredRun, FlopCount {}
