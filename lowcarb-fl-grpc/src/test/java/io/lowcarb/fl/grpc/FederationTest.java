package io.lowcarb.fl.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.grpc.client.FederationChannel;
import io.lowcarb.fl.grpc.client.FederationClient;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.JoinRequest;
import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.TaskRequest;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fl.grpc.proto.UpdateReply;
import io.lowcarb.fl.grpc.server.StateFiles;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.report.RoundRecord;
import io.lowcarb.compress.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A federation over loopback: who gets in, what updates are taken, and a server that restarts. */
@Timeout(90)
class FederationTest {
  @TempDir Path dir;

  private static final int LENGTH = FlatWeights.flatten(RunningServer.MODEL).length;

  /** Runs a client with scripted work on a thread of its own. */
  private static CompletableFuture<Void> client(RunningServer server, String token, ScriptedWork work) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("client " + token).start(() -> {
      try (FederationChannel channel = server.channel(token)) {
        new FederationClient(channel, work, Duration.ofSeconds(30), line -> {}).run();
        done.complete(null);
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  @Test
  void aClientWithoutAKnownTokenIsRefusedAndNeverGetsTheModel() throws Exception {
    try (RunningServer server = new RunningServer(RunningServer.settings(1, 1), Optional.empty(), 0)) {
      for (String token : List.of("", "t1x", "T1")) {
        try (FederationChannel stranger = server.channel(token)) {
          var stub = stranger.stub(5, TimeUnit.SECONDS);
          for (Runnable call : List.<Runnable>of(
              () -> stub.join(JoinRequest.getDefaultInstance()),
              () -> stub.fetchTask(TaskRequest.getDefaultInstance()),
              () -> stub.submitUpdate(Update.newBuilder().setRound(1).build()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
          }
        }
      }
      assertThat(server.log).as("nobody joined, no round opened").noneMatch(l -> l.contains("joined") || l.contains("(random, "));
      ScriptedWork work = new ScriptedWork(0.5f);
      client(server, "t1", work).get(30, TimeUnit.SECONDS);
      assertThat(server.result.get(30, TimeUnit.SECONDS).rounds()).isEqualTo(1);
    }
  }

  @Test
  void hostileUpdatesAreRefusedWithTheirReasonAndTheRoundsStillClose() throws Exception {
    try (RunningServer server = new RunningServer(RunningServer.settings(3, 3), Optional.empty(), 0)) {
      var honest = List.of(client(server, "t1", new ScriptedWork(0.1f)), client(server, "t2", new ScriptedWork(0.3f)));
      List<UpdateReply> replies = new ArrayList<>();
      try (FederationChannel hostile = server.channel("th")) {
        Grid grid = Grid.newBuilder().setZone("PL").setGPerKwh(700).build();
        hostile.stub(5, TimeUnit.SECONDS).join(JoinRequest.newBuilder().setGrid(grid).setExamples(10).build());
        while (true) {
          Task task = hostile.stub(10, TimeUnit.SECONDS).fetchTask(TaskRequest.newBuilder().setGrid(grid).build());
          if (task.hasDone()) {
            break;
          }
          if (task.hasTrain()) {
            int round = task.getTrain().getRound();
            replies.add(hostile.stub(5, TimeUnit.SECONDS).submitUpdate(Update.newBuilder().setRound(round)
                .setDelta(ByteString.copyFrom(hostilePayload(round, server.coordinator.maxUpdateBytes())))
                .setExamples(10).setEnergyJoules(1).setGrid(grid).build()));
          }
        }
      }
      for (var h : honest) {
        h.get(30, TimeUnit.SECONDS);
      }
      FlResult result = server.result.get(30, TimeUnit.SECONDS);
      assertThat(result.rounds()).isEqualTo(3);
      assertThat(replies).extracting(UpdateReply::getAccepted).containsExactly(false, false, false);
      assertThat(replies.get(0).getReason()).isEqualTo("the payload holds " + (LENGTH - 1) + " values, expected " + LENGTH);
      assertThat(replies.get(1).getReason()).isEqualTo("value 17 is NaN");
      assertThat(replies.get(2).getReason()).matches("[0-9,]+ bytes, over the [0-9,]+-byte limit");
      for (RoundRecord r : result.perRound()) {
        assertThat(r.clients()).containsExactlyInAnyOrder("honest-1", "honest-2");
        assertThat(r.refused()).containsExactly("hostile: " + replies.get(r.round() - 1).getReason());
      }
      // the hostile client's updates never weighed: FedAvg of +0.1 and +0.3, three times
      assertThat(result.finalAccuracy()).isCloseTo(FlatWeights.flatten(RunningServer.MODEL)[0] + 0.6, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void aClientClaimingABillionExamplesWeighsAsTheCapAndDoesNotDominateTheAverage() throws Exception {
    int claim = 1_000_000_000;
    try (RunningServer server = new RunningServer(RunningServer.settings(2, 3), Optional.empty(), 0, "never", 10)) {
      var honest = List.of(client(server, "t1", new ScriptedWork(0.1f)), client(server, "t2", new ScriptedWork(0.3f)));
      List<UpdateReply> replies = new ArrayList<>();
      try (FederationChannel greedy = server.channel("th")) {
        Grid grid = Grid.newBuilder().setZone("PL").setGPerKwh(700).build();
        greedy.stub(5, TimeUnit.SECONDS).join(JoinRequest.newBuilder().setGrid(grid).setExamples(claim).build());
        float[] up = new float[LENGTH];
        java.util.Arrays.fill(up, 1f);
        while (true) {
          Task task = greedy.stub(10, TimeUnit.SECONDS).fetchTask(TaskRequest.newBuilder().setGrid(grid).build());
          if (task.hasDone()) {
            break;
          }
          if (task.hasTrain()) {
            replies.add(greedy.stub(5, TimeUnit.SECONDS).submitUpdate(Update.newBuilder()
                .setRound(task.getTrain().getRound()).setDelta(ByteString.copyFrom(new Compression.None().encoder().encode(up)))
                .setExamples(claim).setEnergyJoules(1).setGrid(grid).build()));
          }
        }
      }
      for (var h : honest) {
        h.get(30, TimeUnit.SECONDS);
      }
      FlResult result = server.result.get(30, TimeUnit.SECONDS);
      assertThat(replies).extracting(UpdateReply::getAccepted).containsExactly(true, true);
      // FedAvg of +0.1, +0.3 and +1 at 10 examples each, twice; the claim taken at its word would give about +2
      float start = FlatWeights.flatten(RunningServer.MODEL)[0];
      assertThat(result.finalAccuracy()).isCloseTo(start + 2 * (0.1 + 0.3 + 1) / 3, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(server.log).anyMatch(l -> l.startsWith("hostile joined (PL, 700 gCO2e/kWh, 1,000,000,000 examples, "
          + "over the cap: its updates weigh as 10)"));
      for (int round = 1; round <= 2; round++) {
        String capped = "round " + round + ": hostile claims 1,000,000,000 examples, over the cap of 10: weighed as 10";
        assertThat(server.log).filteredOn(capped::equals).hasSize(1);
      }
      assertThat(server.log).noneMatch(l -> l.contains("honest-1 claims") || l.contains("honest-2 claims"));
    }
  }

  @Test
  void aClientThatTakesItsTaskAndHangsDoesNotStopTheRound() throws Exception {
    try (RunningServer server = new RunningServer(RunningServer.settings(2, 3), Optional.empty(), 0)) {
      var honest = List.of(client(server, "t1", new ScriptedWork(0.1f)), client(server, "t2", new ScriptedWork(0.3f)));
      try (FederationChannel hanging = server.channel("t3")) {
        hanging.stub(5, TimeUnit.SECONDS).join(JoinRequest.newBuilder().setExamples(10).build());
        Task task;
        do {
          task = hanging.stub(10, TimeUnit.SECONDS).fetchTask(TaskRequest.getDefaultInstance());
        } while (!task.hasTrain());
        // and never answers
        FlResult result = server.result.get(30, TimeUnit.SECONDS);
        for (var h : honest) {
          h.get(30, TimeUnit.SECONDS);
        }
        assertThat(result.perRound()).hasSize(2).allSatisfy(
            r -> assertThat(r.clients()).containsExactlyInAnyOrder("honest-1", "honest-2"));
        assertThat(server.log).anyMatch(l -> l.matches("round 1: closed after [0-9.]+ s with 2 update\\(s\\), without honest-3"));
        assertThat(server.log).anyMatch(l -> l.startsWith("round 2: ") && !l.contains("honest-3"));
      }
    }
  }

  @Test
  void greenestSelectionTakesTheCleanestGridsNowAndTheCO2SavedIsPositive() throws Exception {
    var settings = RunningServer.settings(3, 3, 0.5, new io.lowcarb.fl.select.Selection.Greenest());
    try (RunningServer server = new RunningServer(settings, Optional.empty(), 0)) {
      var clients = List.of(client(server, "t1", new ScriptedWork(0.1f, 50)), client(server, "t2", new ScriptedWork(0.1f, 700)),
          client(server, "t3", new ScriptedWork(0.1f, 120)));
      FlResult result = server.result.get(30, TimeUnit.SECONDS);
      for (var c : clients) {
        c.get(30, TimeUnit.SECONDS);
      }
      assertThat(result.perRound()).hasSize(3).allSatisfy(
          r -> assertThat(r.clients()).containsExactlyInAnyOrder("honest-1", "honest-3"));
      assertThat(result.co2SavedKg()).isPositive();
    }
  }

  /** Round 1: one value short; round 2: a NaN; round 3: one byte over the limit. */
  private static byte[] hostilePayload(int round, long maxBytes) {
    return switch (round) {
      case 1 -> new Compression.None().encoder().encode(new float[LENGTH - 1]);
      case 2 -> {
        float[] delta = new float[LENGTH];
        delta[17] = Float.NaN;
        yield new Compression.None().encoder().encode(delta);
      }
      default -> new byte[Math.toIntExact(maxBytes + 1)];
    };
  }

  @Test
  void aRestartedServerResumesFromItsCheckpointAtTheNextRound() throws Exception {
    StateFiles files = new StateFiles(dir, RunningServer.MODEL, new long[] {4}, "tiny", "fedavg");
    ScriptedWork one = new ScriptedWork(0.1f);
    ScriptedWork two = new ScriptedWork(0.3f);
    RunningServer first = new RunningServer(RunningServer.settings(4, 2), Optional.of(files), 0, "round 2/4");
    int port = first.server.address().getPort();
    var clients = List.of(client(first, "t1", one), client(first, "t2", two));
    assertThatThrownBy(() -> first.result.get(30, TimeUnit.SECONDS)).hasMessageContaining("crash after: round 2/4");
    first.close();
    assertThat(Files.readString(dir.resolve(StateFiles.STATE))).contains("\"round\" : 2");
    float[] saved = FlatWeights.flatten(Checkpoint.read(dir.resolve("model-0002.params")));

    try (RunningServer second = new RunningServer(RunningServer.settings(4, 2), Optional.of(files), port)) {
      FlResult result = second.result.get(60, TimeUnit.SECONDS);
      for (var c : clients) {
        c.get(30, TimeUnit.SECONDS);
      }
      assertThat(second.log).anyMatch(l -> l.startsWith("resuming after round 2 from "));
      assertThat(second.log).noneMatch(l -> l.startsWith("round 1") || l.startsWith("round 2"));
      assertThat(result.perRound()).extracting(RoundRecord::round).containsExactly(1, 2, 3, 4);
      assertThat(one.globals.get(3)).as("round 3 starts from the checkpoint of round 2").containsExactly(saved);
      float start = FlatWeights.flatten(RunningServer.MODEL)[0];
      assertThat(saved[0]).isCloseTo(start + 2 * 0.2f, org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(result.finalAccuracy()).isCloseTo(start + 4 * 0.2f, org.assertj.core.data.Offset.offset(1e-4));
    }
  }
}
