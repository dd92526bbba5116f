/**
 * Post-training int8 quantization: checkpoints exported as ONNX QDQ models (int8 weights per channel,
 * calibrated activations) that ONNX Runtime runs, with an accuracy-aware fallback to fp32 per layer.
 */
package io.lowcarb.compress.quantize;
