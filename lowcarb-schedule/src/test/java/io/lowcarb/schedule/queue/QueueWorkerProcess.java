package io.lowcarb.schedule.queue;

import java.nio.file.Path;

/**
 * A worker in a process of its own, for tests that kill one: serves the queue at {@code args[0]}
 * with logs in {@code args[1]} and {@code args[2]} threads, prints "serving NAME", and stops
 * when its standard input ends.
 */
public final class QueueWorkerProcess {
  private QueueWorkerProcess() {}

  public static void main(String[] args) throws Exception {
    try (JobQueue queue = JobQueue.open(args[0]);
        Worker worker =
            queue.serve(CommandRunner.plain(), Jobs.fast(Path.of(args[1])).withThreads(Integer.parseInt(args[2])))) {
      System.out.println("serving " + worker.name());
      System.out.flush();
      while (System.in.read() != -1) {
        // Input ends when the test closes it: time to stop.
      }
    }
  }
}
