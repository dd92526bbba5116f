/**
 * Declarative pipelines: what to train, the accuracy to reach, and the strategies to apply in
 * order (transfer, distil, prune, quantize), read from YAML with every mistake named by its line.
 */
package io.lowcarb.pipeline;
