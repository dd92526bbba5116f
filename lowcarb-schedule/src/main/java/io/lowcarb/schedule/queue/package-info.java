/**
 * A persistent job queue shared by processes on one machine (an embedded H2 file) or by many
 * machines (PostgreSQL): jobs wait for their planned low-carbon window and run there, at least
 * once (every attempt kept with its energy), on db-scheduler.
 */
package io.lowcarb.schedule.queue;
