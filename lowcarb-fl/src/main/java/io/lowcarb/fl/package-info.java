/**
 * Federated learning: models travel between a server and its clients as one flat array of weights;
 * the clients train on data that never leaves them, and the server aggregates their updates.
 */
package io.lowcarb.fl;
