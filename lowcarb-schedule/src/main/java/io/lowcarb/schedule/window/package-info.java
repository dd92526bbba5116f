/**
 * The greenest time to run a job: intensity periods of any resolution resampled onto an even grid
 * of slots (gaps kept apart), contiguous and interruptible windows before a deadline over one
 * zone's slots, and the best zone and window over several zones.
 */
package io.lowcarb.schedule.window;
