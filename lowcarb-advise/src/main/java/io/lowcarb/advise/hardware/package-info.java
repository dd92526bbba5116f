/**
 * The built-in hardware tables (devices and cloud instance types, every row with its source and
 * year) and the hardware a job can run on: some cores of a CPU, accelerators, or a cloud instance.
 */
package io.lowcarb.advise.hardware;
