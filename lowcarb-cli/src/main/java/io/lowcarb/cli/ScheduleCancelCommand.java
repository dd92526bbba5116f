package io.lowcarb.cli;

import io.lowcarb.schedule.queue.JobQueue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowcarb schedule cancel ID}: takes a job that has not started out of the queue. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a queued job that has not started.")
final class ScheduleCancelCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin QueueOption queueOption;

  @Parameters(paramLabel = "ID", description = "The job's id, as 'lowcarb schedule jobs' lists it.")
  long id;

  @Override
  public Integer call() {
    try (JobQueue queue = queueOption.open()) {
      queue.cancel(id);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    spec.commandLine().getOut().println("cancelled job " + id);
    return 0;
  }
}
