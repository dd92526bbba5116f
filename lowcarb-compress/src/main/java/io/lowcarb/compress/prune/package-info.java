/**
 * Pruning: magnitude masks (global or per layer), the gradual schedule of Zhu and Gupta, masked
 * fine-tuning, removal of whole convolution filters and dense neurons, and a compact sparse file
 * for the result.
 */
package io.lowcarb.compress.prune;
