package io.lowcarb.compress;

import java.nio.file.Path;

/**
 * One compressed form of a model, as written and measured.
 *
 * @param name what was done to the model: {@code baseline} for the fp32 export as trained
 * @param file the ONNX file
 * @param cost its accuracy, size, speed and energy per 1,000 inferences
 */
public record Variant(String name, Path file, InferenceCost cost) {}
