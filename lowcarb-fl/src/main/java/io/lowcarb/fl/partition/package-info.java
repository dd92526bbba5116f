/** How a dataset is dealt out to simulated clients: evenly at random, or with the label skew of real federations. */
package io.lowcarb.fl.partition;
