/**
 * How updates travel: a client sends {@code encode(local - global)}, raw float32, quantised to int8, or
 * sparsified to its top-k values with error feedback; payloads say their own kind in their first byte.
 */
package io.lowcarb.fl.codec;
