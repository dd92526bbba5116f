/**
 * CodeCarbon's {@code emissions.csv}: runs imported from it (any of its versions, blank cells kept
 * as missing values) and exported to it.
 */
package io.lowcarb.track.codecarbon;
