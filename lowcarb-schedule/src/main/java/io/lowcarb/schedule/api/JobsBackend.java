package io.lowcarb.schedule.api;

import java.util.List;

/**
 * The job queue behind {@code /jobs}. Implementations must be safe to call from several threads.
 */
public interface JobsBackend {

  /** Every job the queue knows, in the order it chooses. */
  List<JobView> list();

  /**
   * Queues a job.
   *
   * @return the job as queued, with its id
   * @throws IllegalArgumentException when the queue refuses the request (the message says why)
   */
  JobView submit(JobRequest request);

  /**
   * Cancels a job.
   *
   * @return false when there is no job with that id
   * @throws IllegalStateException when the job can no longer be cancelled (the message says why)
   */
  boolean cancel(String id);
}
