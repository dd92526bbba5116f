/** Which clients train in a round: a uniform sample, or those on the cleanest grids now. */
package io.lowcarb.fl.select;
