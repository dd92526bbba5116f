/** Cloud regions and grid zones a job could run in, with their annual intensity and PUE, from the built-in zone table. */
package io.lowcarb.advise.region;
