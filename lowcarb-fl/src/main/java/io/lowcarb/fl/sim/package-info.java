/**
 * Federated training simulated in one process: clients with their own data and grid zones, trained
 * in turn through the same strategies, codecs, checks and selection as a real deployment.
 */
package io.lowcarb.fl.sim;
