package io.lowcarb.schedule.queue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one job to its end. A worker calls it once per attempt, from one of its threads; {@link
 * CommandRunner} runs the job's command, measured or not.
 */
@FunctionalInterface
public interface JobRunner {

  /**
   * Runs the job and waits for its end.
   *
   * @param job the job, in state {@link JobState#RUNNING} with this attempt counted
   * @param log the file its output should be appended to
   * @return its exit code and, if measured, its footprint
   * @throws IOException when it cannot be started: the job then fails with this reason
   * @throws InterruptedException when the worker stops: the runner must end the job's processes
   *     first; the job goes back to the queue and runs again
   */
  JobOutcome run(Job job, Path log) throws IOException, InterruptedException;
}
