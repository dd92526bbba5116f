/**
 * Energy-optimal device settings found by short trials, as Zeus does (NSDI 2023): the GPU power
 * limit over a few training steps, and the CPU thread count with the batch size.
 */
package io.lowcarb.train.tune;
