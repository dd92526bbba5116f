/** JDBC connections shared by lowcarb's databases (the run store, the job queue). */
package io.lowcarb.track.jdbc;
