package io.lowcarb.compress.prune;

/**
 * What a sparse file saves.
 *
 * @param params parameter values in the model, running statistics of batch norm included
 * @param nonzero those that are not zero
 * @param denseBytes the size of all values as dense fp32, in bytes ({@code 4 * params})
 * @param fileBytes the size of the sparse file, in bytes, header and spec included
 */
public record StorageReport(long params, long nonzero, long denseBytes, long fileBytes) {
  /** {@code fileBytes / denseBytes}: below 1 when the file is smaller. */
  public double ratio() {
    return denseBytes == 0 ? 0 : (double) fileBytes / denseBytes;
  }
}
