package io.lowcarb.advise;

/** The work to advise on: a run with its energy (measured, estimated or given), or a count of floating-point operations. */
public sealed interface Workload permits MeasuredRun, FlopCount {}
