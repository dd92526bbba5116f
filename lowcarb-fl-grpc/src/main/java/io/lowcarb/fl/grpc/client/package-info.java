/** A federation client: joins, trains each task on its own data, measured, and sends the update. */
package io.lowcarb.fl.grpc.client;
