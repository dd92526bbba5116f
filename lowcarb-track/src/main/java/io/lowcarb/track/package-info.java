/**
 * The run store: every run lowcarb makes (measure, train, compress, infer, federated, scheduled)
 * kept with its footprint, metrics and series in an embedded H2 file or in PostgreSQL.
 */
package io.lowcarb.track;
