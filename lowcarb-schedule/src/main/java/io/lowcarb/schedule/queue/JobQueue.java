package io.lowcarb.schedule.queue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A persistent queue of jobs, each to run at its planned window. Jobs are rows of {@code
 * lowcarb_jobs}; each queued job has a db-scheduler task instance due at its planned start, and
 * {@linkplain #serve workers} in any process on the same database run them.
 *
 * <pre>{@code
 * try (JobQueue queue = JobQueue.openDefault()) {
 *   Job job = queue.submit(request);
 *   try (Worker worker = queue.serve(CommandRunner.plain(), WorkerSettings.defaults())) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The database is an H2 file that several processes on one machine share ({@code
 * AUTO_SERVER=TRUE}: the first to open it serves it to the others), or PostgreSQL for workers on
 * several machines. The tables are created on first use.
 */
public final class JobQueue implements AutoCloseable {
  /** db-scheduler's name for the queue's task; its instances are job ids. */
  static final String TASK = "lowcarb-job";

  private static final AtomicInteger WORKERS = new AtomicInteger();

  private final Database db;
  private final InstantSource clock;
  private final OneTimeTask<Void> clientTask;
  private final SchedulerClient client;
  private final List<Worker> workers = new CopyOnWriteArrayList<>();

  private JobQueue(Database db, InstantSource clock) {
    this.db = db;
    this.clock = clock;
    // Submitting and cancelling never run a job: the handler is for workers only.
    this.clientTask =
        task(
            (instance, context) -> {
              throw new IllegalStateException("jobs run in workers");
            },
            WorkerSettings.defaults());
    this.client = SchedulerClient.Builder.create(db.dataSource(), clientTask)
            .jdbcCustomization(db.jdbcCustomization())
            .build();
  }

  /** The default queue's URL: an H2 file, {@code ~/.lowcarb/scheduler}, shared by this machine's processes. */
  public static String defaultUrl() {
    Path file = Path.of(System.getProperty("user.home"), ".lowcarb", "scheduler");
    return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
  }

  /** Opens the default queue (see {@link #defaultUrl()}), creating it if needed. */
  public static JobQueue openDefault() {
    try {
      Files.createDirectories(Path.of(System.getProperty("user.home"), ".lowcarb"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create ~/.lowcarb for the job queue: " + e.getMessage(), e);
    }
    return open(defaultUrl());
  }

  /**
   * Opens the queue at {@code jdbcUrl} and creates its tables if they are missing.
   *
   * @param jdbcUrl {@code jdbc:h2:file:PATH;AUTO_SERVER=TRUE} for processes on one machine, or
   *     {@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P}
   * @throws IllegalArgumentException for another kind of URL
   * @throws QueueException when the database cannot be reached
   */
  public static JobQueue open(String jdbcUrl) {
    Database db = Database.open(jdbcUrl);
    try {
      Schema.create(db);
      return new JobQueue(db, InstantSource.system());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The database URL, without passwords. */
  public String url() {
    return db.describe();
  }

  /**
   * Queues a job: its row and its task instance, due at the planned start, are stored in one
   * transaction, so there is never one without the other.
   *
   * @return the job as stored, in state {@link JobState#QUEUED}
   */
  public Job submit(JobRequest request) {
    Objects.requireNonNull(request, "request");
    return db.inTransaction(
        "submit job '" + request.name() + "'",
        c -> {
          long id = JobTable.insert(c, request, clock.instant());
          if (!client.scheduleIfNotExists(clientTask.instance(Long.toString(id)), request.window().start())) {
            throw new IllegalStateException("db-scheduler already has a task for job " + id + "; the job is not queued");
          }
          return JobTable.find(c, id).orElseThrow();
        });
  }

  /** Every job, by planned start. */
  public List<Job> list() {
    return db.inTransaction("list jobs", JobTable::all);
  }

  /** The job with this id, if the queue has it. */
  public Optional<Job> get(long id) {
    return db.inTransaction("read job " + id, c -> JobTable.find(c, id));
  }

  /** The attempts at job {@code id}, first first; each keeps its own figures. */
  public List<Attempt> attempts(long id) {
    return db.inTransaction("read the attempts at job " + id, c -> AttemptTable.of(c, id));
  }

  /**
   * Cancels a queued job: removes its task instance and marks it cancelled. Cancelling a
   * cancelled job changes nothing.
   *
   * @return the job as stored now
   * @throws IllegalArgumentException when the queue has no such job
   * @throws IllegalStateException when it is running or has finished
   */
  public Job cancel(long id) {
    return db.inTransaction(
        "cancel job " + id,
        c -> {
          Job job = JobTable.lock(c, id).orElseThrow(() -> new IllegalArgumentException("no job " + id + " in the queue"));
          switch (job.state()) {
            case CANCELLED -> {
              return job;
            }
            case RUNNING -> throw new IllegalStateException(
                "job " + id + " is running (on " + job.worker().orElse("a worker") + ") and cannot be cancelled");
            case DONE, FAILED -> throw new IllegalStateException(
                "job " + id + " has already run (" + job.state().column() + ") and cannot be cancelled");
            case QUEUED -> {}
          }
          try {
            client.cancel(clientTask.instance(Long.toString(id)));
          } catch (TaskInstanceCurrentlyExecutingException e) {
            // A worker has just picked it and waits for this row's lock: it will find the job
            // cancelled and not run it.
          } catch (TaskInstanceNotFoundException e) {
            // Nothing scheduled to remove.
          }
          JobTable.cancel(c, id, clock.instant());
          return JobTable.find(c, id).orElseThrow();
        });
  }

  /**
   * Starts a worker in this process: a db-scheduler scheduler that runs each job at its planned
   * start with {@code runner}. Close it (or this queue) to stop it.
   */
  public Worker serve(JobRunner runner, WorkerSettings settings) {
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(settings, "settings");
    String name = workerName();
    JobHandler handler = new JobHandler(db, runner, settings.logDirectory().toAbsolutePath(), name, clock);
    Scheduler scheduler =
        Scheduler.create(db.dataSource(), task(handler, settings))
            .jdbcCustomization(db.jdbcCustomization())
            .schedulerName(new SchedulerName.Fixed(name))
            .threads(settings.threads())
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(settings.missedHeartbeats())
            .shutdownMaxWait(settings.stopWait())
            .failureLogging(LogLevel.WARN, false) // the handler's messages say what happened
            .build();
    Worker worker = new Worker(scheduler, name, settings, workers::remove);
    workers.add(worker);
    scheduler.start();
    return worker;
  }

  /** Stops this queue's workers, then lets the database go. */
  @Override
  public void close() {
    for (Worker worker : workers) {
      worker.close();
    }
    db.close();
  }

  /**
   * The one-time task of a job: a job that did not end (its worker stopped, or the database failed
   * while it ended) is tried again after the polling interval; one whose worker died is revived
   * by db-scheduler's dead-execution detection (the default).
   */
  private static OneTimeTask<Void> task(VoidExecutionHandler<Void> handler, WorkerSettings settings) {
    return Tasks.oneTime(TASK)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.pollingInterval()))
        .execute(handler);
  }

  /** host-pid-n, at most 50 characters (db-scheduler's picked_by column on H2). */
  private static String workerName() {
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "localhost";
      }
    }
    String suffix = "-" + ProcessHandle.current().pid() + "-" + WORKERS.incrementAndGet();
    int room = 50 - suffix.length();
    return (host.length() > room ? host.substring(0, room) : host) + suffix;
  }
}
