package io.lowcarb.cli;

import io.lowcarb.schedule.window.Segment;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a command that starts a child process, pausing that child's whole process tree (SIGSTOP)
 * at the end of each planned stretch and resuming it (SIGCONT) at the start of the next. After
 * the last stretch the command runs on to its end.
 */
final class PausedRun {
  private PausedRun() {}

  /**
   * @param start runs the command and returns its exit status; it must start exactly one child process
   * @param segments the planned stretches, the first of which has begun
   */
  static int run(Callable<Integer> start, List<Segment> segments, PrintWriter err) throws Exception {
    FutureTask<Integer> task = new FutureTask<>(start);
    Thread runner = Thread.ofPlatform().name("lowcarb-run").start(task);
    Thread resumeOnExit = new Thread(() -> signalTree(Signals.SIGCONT), "lowcarb-resume");
    Runtime.getRuntime().addShutdownHook(resumeOnExit); // never leave a stopped command behind
    try {
      for (int i = 0; i + 1 < segments.size() && !task.isDone(); i++) {
        sleepUntil(segments.get(i).end(), task);
        if (task.isDone()) {
          break;
        }
        signalTree(Signals.SIGSTOP);
        err.println("schedule: paused until " + segments.get(i + 1).start());
        sleepUntil(segments.get(i + 1).start(), task);
        signalTree(Signals.SIGCONT);
        err.println("schedule: resumed until " + segments.get(i + 1).end());
      }
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    } finally {
      signalTree(Signals.SIGCONT);
      runner.join();
      Runtime.getRuntime().removeShutdownHook(resumeOnExit);
    }
  }

  /** Sends {@code signal} to every process this JVM started and their descendants. */
  private static void signalTree(int signal) {
    ProcessHandle.current().descendants().forEach(p -> Signals.send(p.pid(), signal));
  }

  private static void sleepUntil(Instant time, FutureTask<Integer> task) throws InterruptedException {
    while (!task.isDone()) {
      long ms = Duration.between(Instant.now(), time).toMillis();
      if (ms <= 0) {
        return;
      }
      Thread.sleep(Math.min(ms, 200));
    }
  }
}
