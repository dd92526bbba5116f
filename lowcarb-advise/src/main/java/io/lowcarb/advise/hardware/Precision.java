package io.lowcarb.advise.hardware;

/** The arithmetic a job's throughput is counted in. */
public enum Precision {
  FP32,
  FP16,
  INT8
}
