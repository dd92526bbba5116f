/** Labelled datasets: the embedded digits set, IDX and CSV files, deterministic splits. */
package io.lowcarb.train.data;
