package io.lowcarb.compress;

/**
 * What a model costs to run, and how well it does.
 *
 * @param accuracy the fraction of the evaluation data classified right, 0..1
 * @param params weight values in the model
 * @param nonzeroParams weight values that are not zero
 * @param sizeBytes the size of the model file, in bytes
 * @param latencyMsP50 the median time of one inference at batch size 1, in ms
 * @param latencyMsP99 the 99th percentile of that time, in ms
 * @param throughputPerSecond inferences per second at batch size 64
 * @param energyJoulesPer1k energy per 1,000 inferences at batch size 64, in J (IT energy, before PUE)
 * @param emissionsGramsPer1k emissions per 1,000 inferences at batch size 64, in gCO2e (PUE applied)
 * @param intensityGPerKwh the carbon intensity used, in gCO2e/kWh
 * @param zone the grid zone of that intensity
 * @param inferences every inference the measurement ran: the accuracy pass, the timed single
 *     examples with their warm-up, and the throughput run
 */
public record InferenceCost(
    double accuracy,
    long params,
    long nonzeroParams,
    long sizeBytes,
    double latencyMsP50,
    double latencyMsP99,
    double throughputPerSecond,
    double energyJoulesPer1k,
    double emissionsGramsPer1k,
    double intensityGPerKwh,
    String zone,
    long inferences) {}
