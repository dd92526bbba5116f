package io.lowcarb.fl.grpc.client;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.codec.DeltaEncoder;
import io.lowcarb.fl.grpc.WireWeights;
import io.lowcarb.fl.grpc.proto.Done;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.JoinRequest;
import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.TaskRequest;
import io.lowcarb.fl.grpc.proto.Train;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fl.grpc.proto.UpdateReply;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client's side of the federation: joins, asks for tasks, trains them with its {@link
 * LocalWork} and sends the updates, until the server says the federation is done. When the server
 * goes away it reconnects with backoff and joins again (the same token: the same client); it gives
 * up when the server has been unreachable for {@code retryFor}.
 */
public final class FederationClient {
  /** How long a request for a task may wait at the server, beyond the server's own poll time. */
  private static final long FETCH_DEADLINE_SECONDS = 60;
  private static final long CALL_DEADLINE_SECONDS = 30;

  private final FederationChannel channel;
  private final LocalWork work;
  private final Duration retryFor;
  private final Consumer<String> log;
  private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
  private DeltaEncoder encoder;
  private String encoding;

  /**
   * @param retryFor how long the server may stay unreachable before the client gives up
   * @param log receives a line per event
   */
  public FederationClient(FederationChannel channel, LocalWork work, Duration retryFor, Consumer<String> log) {
    this.channel = channel;
    this.work = work;
    this.retryFor = retryFor;
    this.log = log;
  }

  /**
   * Takes part until the server says the federation is done.
   *
   * @throws FederationException when the token is refused, the server stays unreachable, or the
   *     client cannot train the server's model
   */
  public Done run() throws FederationException, InterruptedException {
    boolean joined = false;
    long lastContact = System.nanoTime();
    while (true) {
      try {
        if (!joined) {
          join();
          joined = true;
        }
        Task task = channel.stub(FETCH_DEADLINE_SECONDS, TimeUnit.SECONDS)
            .fetchTask(TaskRequest.newBuilder().setGrid(work.grid()).build());
        lastContact = System.nanoTime();
        backoff.reset();
        switch (task.getKindCase()) {
          case TRAIN -> train(task.getTrain());
          case DONE -> {
            log.accept(String.format(Locale.ROOT, "done after %d rounds: the global model's accuracy is %.4f",
                task.getDone().getRounds(), task.getDone().getFinalAccuracy()));
            return task.getDone();
          }
          case WAIT, KIND_NOT_SET -> { }
        }
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.UNAUTHENTICATED) {
          throw new FederationException("the server refused the token: " + e.getStatus().getDescription());
        }
        joined = false; // a restarted server forgets its clients: join again
        if (code == Status.Code.FAILED_PRECONDITION) {
          continue;
        }
        Duration silent = Duration.ofNanos(System.nanoTime() - lastContact);
        if (silent.compareTo(retryFor) > 0) {
          throw new FederationException("cannot reach the server for " + silent.toSeconds() + " s: "
              + code + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"));
        }
        Duration wait = backoff.next();
        log.accept("server unreachable (" + code + "); trying again in " + wait.toMillis() + " ms");
        Thread.sleep(wait);
      }
    }
  }

  private void join() throws FederationException {
    JoinReply reply = channel.stub(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS).join(JoinRequest.newBuilder()
        .setGrid(work.grid()).setExamples(work.examples()).setDataset(work.dataset()).build());
    try {
      work.prepare(reply);
    } catch (IllegalArgumentException e) {
      throw new FederationException(e.getMessage());
    }
    log.accept(String.format(Locale.ROOT, "joined as %s: %s, %,d parameters, %d rounds", reply.getClient(),
        reply.getDataset(), reply.getParameters(), reply.getRounds()));
  }

  private void train(Train task) {
    float[] global = WireWeights.floats(task.getGlobalWeights());
    LocalWork.Contribution c = work.train(task, global);
    float[] delta = new float[global.length];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = c.weights()[i] - global[i];
    }
    if (encoder == null || !task.getCompression().equals(encoding)) {
      encoder = Compression.parse(task.getCompression()).encoder();
      encoding = task.getCompression();
    }
    byte[] payload = encoder.encode(delta);
    UpdateReply reply = channel.stub(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS).submitUpdate(Update.newBuilder()
        .setRound(task.getRound()).setDelta(ByteString.copyFrom(payload)).setExamples(c.examples())
        .setEnergyJoules(c.joules()).setEnergyMethod(c.basis().method().label())
        .setEnergyUncertaintyPct(c.basis().uncertaintyPct()).setPue(c.pue()).setGrid(work.grid())
        .setMeanLoss(c.meanLoss()).build());
    log.accept(String.format(Locale.ROOT, "round %d: %,d examples, loss %.4f, %.1f J (%s), %,d bytes in, %,d out: %s",
        task.getRound(), c.examples(), c.meanLoss(), c.joules(), c.basis(), task.getGlobalWeights().size(), payload.length,
        reply.getAccepted() ? "accepted" : "refused (" + reply.getReason() + ")"));
  }
}
