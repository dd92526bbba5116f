/** CodeCarbon's {@code emissions.csv}: runs imported from it (any of its header versions) and exported to it. */
package io.lowcarb.track.codecarbon;
