package io.lowcarb.fl.grpc.server;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.fl.ClientUpdate;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.fl.check.UpdateCheck;
import io.lowcarb.fl.grpc.WireWeights;
import io.lowcarb.fl.grpc.proto.Done;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.JoinRequest;
import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.Train;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fl.grpc.proto.UpdateReply;
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.ClientMeters;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.report.RoundRecord;
import io.lowcarb.fl.select.Selection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs the rounds: waits for clients, selects some by their grid's intensity, hands them the
 * global model, collects and checks their updates, closes the round when all answered or, once
 * its timeout passed, when a quorum did, aggregates, evaluates and checkpoints. Clients reach it
 * through {@link FederationService}; {@link #run} drives it on the caller's thread.
 */
public final class Coordinator implements AutoCloseable {
  /** The model's accuracy on the server's test set. */
  @FunctionalInterface
  public interface Evaluator {
    /** @return a fraction */
    double accuracy(float[] weights);
  }

  /**
   * What every client must train.
   *
   * @param initial the global model of round 0: spec, input standardisation, values
   * @param dataset the dataset's name, for clients to check theirs
   * @param seed the seed of the train/test split, for clients to split alike
   * @param maxExamplesPerClient the most examples one client's update weighs in the average:
   *     FedAvg weighs updates by the examples their clients claim, and a claim is only a claim, so
   *     a larger one counts as this many (the operator's bound, or the whole training part's size)
   */
  public record Model(Checkpoint initial, String dataset, long seed, int maxExamplesPerClient) {
    public Model {
      if (maxExamplesPerClient < 1) {
        throw new IllegalArgumentException("the most examples per client must be >= 1, got " + maxExamplesPerClient);
      }
    }
  }

  private final RoundSettings settings;
  private final Model model;
  private final float[] initial;
  private final Evaluator evaluator;
  private final Optional<StateFiles> files;
  private final UpdateCheck check;
  private final Consumer<String> log;
  private final Roster roster;
  private final Random random;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PendingPolls waiting;
  private final Set<String> farewells = new HashSet<>();
  /** Clients told of, once, for sending their energy without its method. */
  private final Set<String> unlabelled = new HashSet<>();
  private Round round;
  private Task done;

  /**
   * @param files where to checkpoint after each round, and resume from
   * @param poll how long a client's request for a task waits before it is told to ask again
   * @param log receives a line per event worth telling the operator
   */
  public Coordinator(RoundSettings settings, Model model, Evaluator evaluator, Optional<StateFiles> files,
      Duration poll, Consumer<String> log) {
    this.settings = settings;
    this.model = model;
    this.initial = FlatWeights.flatten(model.initial());
    this.evaluator = evaluator;
    this.files = files;
    this.check = UpdateCheck.forModel(initial.length);
    this.waiting = new PendingPolls(lock, poll,
        () -> round == null ? "no round is open" : "round " + round.number + " is under way");
    this.log = log;
    this.roster = new Roster(poll.multipliedBy(2).plusSeconds(5));
    this.random = new Random(settings.seed());
  }

  /** The largest update payload taken, bytes. */
  public long maxUpdateBytes() {
    return check.maxBytes();
  }

  /** Registers (again) a client; the reply says what to train. */
  JoinReply join(String client, JoinRequest request) {
    lock.lock();
    try {
      boolean again = roster.joined(client);
      roster.joined(client, request.getGrid().getZone(), request.getGrid().getGPerKwh(), request.getExamples(), Instant.now());
      log.accept(String.format(Locale.ROOT, "%s %s (%s, %.0f gCO2e/kWh, %,d examples%s)", client,
          again ? "joined again" : "joined", request.getGrid().getZone(), request.getGrid().getGPerKwh(),
          request.getExamples(), request.getExamples() > model.maxExamplesPerClient()
              ? String.format(Locale.ROOT, ", over the cap: its updates weigh as %,d", model.maxExamplesPerClient())
              : ""));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    Checkpoint c = model.initial();
    return JoinReply.newBuilder().setClient(client).setModelSpec(c.spec().toJson()).setInputMean(c.inputMean())
        .setInputStd(c.inputStd()).setParameters(initial.length).setDataset(model.dataset()).setRounds(settings.rounds())
        .setSeed(model.seed()).build();
  }

  /**
   * The client's next task: at once when there is one for it, else within the poll time (a WAIT).
   *
   * @throws IllegalStateException when the client has not joined (a restarted server forgot it)
   */
  CompletableFuture<Task> task(String client, Grid grid) {
    lock.lock();
    try {
      if (!roster.joined(client)) {
        throw new IllegalStateException(client + " has not joined this server");
      }
      roster.seen(client, grid.getZone(), grid.getGPerKwh(), Instant.now());
      if (done != null) {
        farewells.add(client);
        changed.signalAll();
        return CompletableFuture.completedFuture(done);
      }
      if (round != null && round.selected(client) && !round.answered(client)) {
        round.sent();
        return CompletableFuture.completedFuture(round.task);
      }
      CompletableFuture<Task> future = waiting.hold(client);
      changed.signalAll();
      return future;
    } finally {
      lock.unlock();
    }
  }

  /** The client's connection dropped while it waited for a task. */
  void dropped(String client, CompletableFuture<Task> future) {
    lock.lock();
    try {
      if (waiting.drop(client, future)) {
        roster.lost(client);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Takes or refuses an update; the reply says which and why. */
  UpdateReply submit(String client, Update update) {
    Round r;
    int held;
    lock.lock();
    try {
      r = round;
      held = roster.examples(client);
      Optional<String> late = late(r, client, update.getRound());
      if (late.isPresent()) {
        return refused(client, update.getRound(), late.get(), null, 0);
      }
    } finally {
      lock.unlock();
    }
    UpdateReview.Verdict verdict = UpdateReview.review(update, r.global, check, held);
    long bytes = update.getDelta().size();
    lock.lock();
    try {
      roster.seen(client, update.getGrid().getZone(), update.getGrid().getGPerKwh(), Instant.now());
      Optional<String> late = late(round, client, update.getRound());
      if (late.isPresent()) {
        return refused(client, update.getRound(), late.get(), null, 0);
      }
      changed.signalAll();
      return switch (verdict) {
        case UpdateReview.Refused no -> refused(client, r.number, no.reason(), r, bytes);
        case UpdateReview.Passed yes -> {
          if (!yes.labelled() && unlabelled.add(client)) {
            log.accept(client + " sends its energy without saying how it was obtained (a client older than "
                + "energy_method): counted as " + ClientEnergy.UNLABELLED);
          }
          r.accept(client, new Round.Accepted(new ClientUpdate(client, yes.weights(), weight(client, r.number, update)),
              update.getEnergyJoules(), yes.basis(), update.getPue(), update.getGrid().getGPerKwh(), bytes));
          yield UpdateReply.newBuilder().setAccepted(true).build();
        }
      };
    } finally {
      lock.unlock();
    }
  }

  /**
   * The update's weight in the average: the examples it claims, at most the cap. A capped claim is
   * told once per client and round (a client answers a round once).
   */
  private int weight(String client, int number, Update update) {
    int cap = model.maxExamplesPerClient();
    if (update.getExamples() <= cap) {
      return update.getExamples();
    }
    log.accept(String.format(Locale.ROOT, "round %d: %s claims %,d examples, over the cap of %,d: weighed as %,d",
        number, client, update.getExamples(), cap, cap));
    return cap;
  }

  /** Why an update for {@code number} cannot be taken now, if it cannot. */
  private static Optional<String> late(Round r, String client, int number) {
    if (r == null || r.number != number) {
      return Optional.of("round " + number + " is not open" + (r == null ? "" : " (round " + r.number + " is)"));
    }
    if (!r.selected(client)) {
      return Optional.of("not selected for round " + number);
    }
    if (r.answered(client)) {
      return Optional.of("round " + number + " was already answered");
    }
    return Optional.empty();
  }

  private UpdateReply refused(String client, int number, String reason, Round r, long bytes) {
    if (r != null) {
      r.refuse(client, reason, bytes);
    }
    log.accept("round " + number + ": refused " + client + "'s update: " + reason);
    return UpdateReply.newBuilder().setAccepted(false).setReason(reason).build();
  }

  /**
   * Runs the rounds left, from the checkpoint in {@code files} when there is one, and tells the
   * clients that the federation is done.
   *
   * @param progress called after each round, once it is checkpointed
   */
  public FlResult run(Consumer<RoundRecord> progress) throws InterruptedException, IOException {
    ServerState state = files.isPresent() ? files.get().read().orElse(null) : null;
    if (state == null) {
      state = new ServerState(0, initial, List.of());
    } else {
      log.accept("resuming after round " + state.round() + " from " + files.get().dir().resolve(StateFiles.STATE));
    }
    float[] global = state.global();
    List<RoundRecord> records = new ArrayList<>(state.records());
    int needed = settings.minClients();
    for (int number = state.round() + 1; number <= settings.rounds(); number++) {
      open(number, global, needed);
      needed = settings.quorum(settings.minClients());
      Round closed = awaitAnswers();
      List<ClientUpdate> updates = closed.accepted().stream().map(Round.Accepted::update).toList();
      global = updates.isEmpty() ? global : settings.strategy().aggregate(global, updates);
      RoundRecord record = RoundAccounting.record(closed, evaluator.accuracy(global));
      records.add(record);
      if (files.isPresent()) {
        files.get().write(new ServerState(number, global, records), result(records));
      }
      progress.accept(record);
    }
    FlResult result = result(records);
    finish(result);
    return result;
  }

  private FlResult result(List<RoundRecord> records) {
    return new FlResult(settings.strategy().label(), settings.compression().label(), settings.selection().label(),
        ClientMeters.EACH_OWN, records);
  }

  /** Waits for {@code needed} available clients, then opens round {@code number} for a selection of them. */
  private void open(int number, float[] global, int needed) throws InterruptedException {
    Task task = Task.newBuilder().setTrain(Train.newBuilder().setRound(number).setGlobalWeights(WireWeights.bytes(global))
        .setLocalEpochs(settings.localEpochs()).setBatchSize(settings.batchSize())
        .setLearningRate(settings.learningRate()).setProximalMu(settings.strategy().proximalMu())
        .setCompression(settings.compression().label()).setSeed(settings.seed() * 1_000_003L + number)).build();
    lock.lock();
    try {
      List<Selection.Candidate> available = available();
      if (available.size() < needed) {
        log.accept("round " + number + ": waiting for " + needed + " client(s), " + available.size() + " available");
      }
      while ((available = available()).size() < needed) {
        changed.await(1, TimeUnit.SECONDS);
      }
      List<String> chosen = names(settings.selection().select(available, settings.fraction(), 1, random));
      double mean = available.stream().mapToDouble(Selection.Candidate::gPerKwh).average().orElse(0);
      round = new Round(number, global, task, chosen, settings.quorum(chosen.size()),
          System.nanoTime() + settings.roundTimeout().toNanos(), mean);
      log.accept("round " + number + ": " + String.join(", ", chosen) + " (" + settings.selection().label() + ", "
          + chosen.size() + " of " + available.size() + ")");
      hand(chosen);
    } finally {
      lock.unlock();
    }
  }

  /** Gives the open round's task to those of {@code clients} waiting for one. */
  private void hand(List<String> clients) {
    for (String c : clients) {
      if (waiting.give(c, round.task)) {
        round.sent();
      }
    }
  }

  private List<Selection.Candidate> available() {
    return roster.available(Instant.now(), waiting.clients());
  }

  /** Waits until the round can close, widening it when too few answered in time; closes it. */
  private Round awaitAnswers() throws InterruptedException {
    lock.lock();
    try {
      while (!round.allAnswered()) {
        long now = System.nanoTime();
        if (now - round.deadline() >= 0) {
          if (round.accepted().size() >= round.quorum) {
            break;
          }
          round.silent().forEach(roster::lost);
          List<String> more = names(available()).stream().filter(c -> !round.selected(c)).toList();
          round.widen(more, now + settings.roundTimeout().toNanos());
          log.accept("round " + round.number + ": " + round.accepted().size() + " update(s) by the deadline, "
              + round.quorum + " needed; waiting another " + settings.roundTimeout().toSeconds() + " s"
              + (more.isEmpty() ? "" : " with " + String.join(", ", more)));
          hand(more);
          continue;
        }
        changed.awaitNanos(Math.min(round.deadline() - now, TimeUnit.SECONDS.toNanos(1)));
      }
      List<String> silent = round.silent();
      silent.forEach(roster::lost);
      log.accept(String.format(Locale.ROOT, "round %d: closed after %.1f s with %d update(s)%s", round.number,
          (System.nanoTime() - round.openedNanos) / 1e9, round.accepted().size(),
          silent.isEmpty() ? "" : ", without " + String.join(", ", silent)));
      Round closed = round;
      round = null;
      return closed;
    } finally {
      lock.unlock();
    }
  }

  private void finish(FlResult result) {
    lock.lock();
    try {
      done = Task.newBuilder().setDone(Done.newBuilder().setFinalAccuracy(result.finalAccuracy())
          .setRounds(result.rounds())).build();
      farewells.addAll(waiting.giveAll(done));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * After {@link #run}: waits until every client still around (that called lately and did not drop
   * out) was told the federation is done, or {@code most} passed.
   *
   * @return the clients that joined and were not told
   */
  public Set<String> awaitFarewells(Duration most) throws InterruptedException {
    long end = System.nanoTime() + most.toNanos();
    lock.lock();
    try {
      while (!farewells.containsAll(names(available())) && end - System.nanoTime() > 0) {
        changed.awaitNanos(Math.min(end - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200)));
      }
      Set<String> missing = new HashSet<>(roster.all());
      missing.removeAll(farewells);
      return missing;
    } finally {
      lock.unlock();
    }
  }

  private static List<String> names(List<Selection.Candidate> candidates) {
    return candidates.stream().map(Selection.Candidate::client).toList();
  }

  @Override
  public void close() {
    waiting.close();
  }
}
