package io.lowcarb.fl.grpc.server;

import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.Wait;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Clients' requests for a task, held open until there is one for them or the poll time passes
 * (then they are told to WAIT and ask again). Guarded by the coordinator's lock, which the expiry
 * takes too.
 */
final class PendingPolls implements AutoCloseable {
  private final Map<String, CompletableFuture<Task>> waiting = new HashMap<>();
  private final ReentrantLock lock;
  private final Duration poll;
  private final Supplier<String> why;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fl-poll-timer");
    t.setDaemon(true);
    return t;
  });

  /** @param why what a WAIT says, at the time it is sent */
  PendingPolls(ReentrantLock lock, Duration poll, Supplier<String> why) {
    this.lock = lock;
    this.poll = poll;
    this.why = why;
  }

  /** Holds a request of {@code client}'s, replacing an older one (which is told to wait). */
  CompletableFuture<Task> hold(String client) {
    CompletableFuture<Task> future = new CompletableFuture<>();
    CompletableFuture<Task> before = waiting.put(client, future);
    if (before != null) {
      before.complete(waitTask("a newer request replaced this one"));
    }
    timer.schedule(() -> expire(client, future), poll.toMillis(), TimeUnit.MILLISECONDS);
    return future;
  }

  private void expire(String client, CompletableFuture<Task> future) {
    lock.lock();
    try {
      waiting.remove(client, future);
      future.complete(waitTask(why.get()));
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a request whose call ended; true when it was still held. */
  boolean drop(String client, CompletableFuture<Task> future) {
    return waiting.remove(client, future);
  }

  /** Answers {@code client}'s request with {@code task}, if one is held; true when it was. */
  boolean give(String client, Task task) {
    CompletableFuture<Task> f = waiting.remove(client);
    return f != null && f.complete(task);
  }

  /** Answers every request held with {@code task}; the clients answered. */
  Set<String> giveAll(Task task) {
    Set<String> told = new HashSet<>();
    waiting.forEach((client, f) -> {
      if (f.complete(task)) {
        told.add(client);
      }
    });
    waiting.clear();
    return told;
  }

  /** The clients with a request held now. */
  Set<String> clients() {
    waiting.values().removeIf(CompletableFuture::isDone);
    return Set.copyOf(waiting.keySet());
  }

  static Task waitTask(String reason) {
    return Task.newBuilder().setWait(Wait.newBuilder().setReason(reason)).build();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
