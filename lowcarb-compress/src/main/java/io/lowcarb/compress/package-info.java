/** Compression and edge inference: trained checkpoints exported to ONNX and run on ONNX Runtime. */
package io.lowcarb.compress;
