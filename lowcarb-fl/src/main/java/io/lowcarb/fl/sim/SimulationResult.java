package io.lowcarb.fl.sim;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.fl.report.FlResult;

/**
 * A finished simulation.
 *
 * @param result the rounds, with accuracy, bytes, energy and emissions
 * @param model the final global model
 * @param stoppedBecause why it stopped: the target accuracy reached, or the rounds run out
 */
public record SimulationResult(FlResult result, Checkpoint model, String stoppedBecause) {}
