/**
 * The greenest time to run a job: contiguous and interruptible windows before a deadline over one
 * zone's intensity series, and the best zone and window over several zones.
 */
package io.lowcarb.schedule.window;
