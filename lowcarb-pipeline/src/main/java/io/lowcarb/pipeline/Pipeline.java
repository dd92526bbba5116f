package io.lowcarb.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline: data to the greenest model that is good enough.
 *
 * @param name what it is called in reports
 * @param dataset digits, mnist, fashion-mnist or a CSV file
 * @param model mlp, mlp:UNITS, cnn or a spec file
 * @param targetAccuracy the accuracy the baseline must reach on its validation part, in (0, 1]
 * @param training how the baseline is trained
 * @param zone the carbon-intensity zone of this machine
 * @param steps the strategies, in the order written
 * @param schedule when to run the training, if given
 * @param out where everything is written
 */
public record Pipeline(
    String name,
    String dataset,
    String model,
    double targetAccuracy,
    Training training,
    String zone,
    List<Step> steps,
    Optional<Schedule> schedule,
    Path out) {
  public Pipeline {
    steps = List.copyOf(steps);
  }

  /** The transfer step, if any (always first). */
  public Optional<Step.Transfer> transfer() {
    return find(Step.Transfer.class);
  }

  public Optional<Step.Distil> distil() {
    return find(Step.Distil.class);
  }

  public Optional<Step.Prune> prune() {
    return find(Step.Prune.class);
  }

  public Optional<Step.Quantize> quantize() {
    return find(Step.Quantize.class);
  }

  private <T extends Step> Optional<T> find(Class<T> type) {
    return steps.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * How the baseline is trained.
   *
   * @param epochs most epochs
   * @param batchSize batch size
   * @param learningRate Adam's learning rate
   * @param maxEnergy stop at this energy, as {@code lowcarb train --max-energy} reads it (50Wh, 1000J)
   * @param maxCo2 stop at this CO2e, as {@code --max-co2} reads it (20g)
   * @param seed the random seed
   */
  public record Training(int epochs, int batchSize, double learningRate, Optional<String> maxEnergy,
      Optional<String> maxCo2, long seed) {}

  /**
   * Run the training in the greenest window before a deadline.
   *
   * @param series a {@code time,g_per_kwh} or Electricity Maps file for the zone, if not live
   * @param source a live source (electricitymaps, watttime, uk), if no series
   * @param deadline the training must end by then
   * @param estimate how long the training takes
   */
  public record Schedule(Optional<Path> series, Optional<String> source, Instant deadline, Duration estimate) {}
}
