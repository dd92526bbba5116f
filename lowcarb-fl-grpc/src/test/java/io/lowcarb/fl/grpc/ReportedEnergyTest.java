package io.lowcarb.fl.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyBasis.Obtained;
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
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.report.RoundRecord;
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

/** Each client says how its energy was obtained, over the wire, and the server combines what they say. */
@Timeout(90)
class ReportedEnergyTest {
  @TempDir Path dir;

  private static final EnergyBasis ESTIMATED = new EnergyBasis(Obtained.ESTIMATED, 30);
  private static final EnergyBasis MEASURED = new EnergyBasis(Obtained.MEASURED, 10);

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
  void oneClientEstimatedAndOneMeasuredMakeAMixedFigureWhoseErrorsAddInQuadrature() throws Exception {
    try (RunningServer server = new RunningServer(RunningServer.settings(2, 2), Optional.empty(), 0)) {
      var clients = List.of(client(server, "t1", new ScriptedWork(0.1f, 100, ESTIMATED)),
          client(server, "t2", new ScriptedWork(0.3f, 100, MEASURED)));
      FlResult result = server.result.get(30, TimeUnit.SECONDS);
      for (var c : clients) {
        c.get(30, TimeUnit.SECONDS);
      }
      // two machines: independent, 36 J each at 30 % and 10 %
      double pct = 100 * Math.hypot(36 * 0.3, 36 * 0.1) / 72;
      for (RoundRecord r : result.perRound()) {
        assertThat(r.perClient()).extracting(ClientEnergy::client, c -> c.basis().method())
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("honest-1", Obtained.ESTIMATED),
                org.assertj.core.groups.Tuple.tuple("honest-2", Obtained.MEASURED));
        assertThat(r.energyBasis().orElseThrow().method()).isEqualTo(Obtained.MIXED);
        assertThat(r.energyBasis().orElseThrow().uncertaintyPct()).isCloseTo(pct, within(1e-9));
      }
      // each client's two rounds share its sensors (linear), the two clients are independent
      assertThat(result.energyBasis().orElseThrow()).satisfies(b -> {
        assertThat(b.method()).isEqualTo(Obtained.MIXED);
        assertThat(b.uncertaintyPct()).isCloseTo(pct, within(1e-9));
      });
      assertThat(result.totalBasis().orElseThrow().method()).isEqualTo(Obtained.MIXED);

      Path file = dir.resolve("fl.json");
      result.writeJson(file);
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      assertThat(json.path("training").path("energy_method").asText()).isEqualTo("mixed");
      assertThat(json.path("training").path("uncertainty_pct").asDouble()).isCloseTo(pct, within(1e-9));
      assertThat(json.path("energy_method").asText()).as("with the network's estimate").isEqualTo("mixed");
      assertThat(json.path("network").path("energy_method").asText()).isEqualTo("estimated");
      for (JsonNode round : json.path("per_round")) {
        assertThat(round.path("training").path("energy_method").asText()).isEqualTo("mixed");
        assertThat(round.path("per_client")).hasSize(2).allSatisfy(c -> {
          assertThat(c.path("energy_method").asText())
              .isEqualTo(c.path("client").asText().equals("honest-1") ? "estimated" : "measured");
          assertThat(c.path("uncertainty_pct").asDouble())
              .isEqualTo(c.path("client").asText().equals("honest-1") ? 30.0 : 10.0);
        });
      }
    }
  }

  @Test
  void aClientOlderThanTheMethodFieldIsCountedAsEstimatedAndOneWithAnUnknownMethodIsRefused() throws Exception {
    int length = FlatWeights.flatten(RunningServer.MODEL).length;
    try (RunningServer server = new RunningServer(RunningServer.settings(2, 2), Optional.empty(), 0)) {
      var honest = client(server, "t1", new ScriptedWork(0.1f, 100, MEASURED));
      List<UpdateReply> replies = new ArrayList<>();
      try (FederationChannel old = server.channel("t2")) {
        Grid grid = Grid.newBuilder().setZone("ES").setGPerKwh(100).build();
        old.stub(5, TimeUnit.SECONDS).join(JoinRequest.newBuilder().setGrid(grid).setExamples(10).build());
        while (true) {
          Task task = old.stub(10, TimeUnit.SECONDS).fetchTask(TaskRequest.newBuilder().setGrid(grid).build());
          if (task.hasDone()) {
            break;
          }
          if (task.hasTrain()) {
            Update.Builder update = Update.newBuilder().setRound(task.getTrain().getRound())
                .setDelta(ByteString.copyFrom(new Compression.None().encoder().encode(new float[length])))
                .setExamples(10).setEnergyJoules(36).setGrid(grid);
            if (task.getTrain().getRound() == 2) {
              update.setEnergyMethod("guessed").setEnergyUncertaintyPct(5);
            }
            replies.add(old.stub(5, TimeUnit.SECONDS).submitUpdate(update.build()));
          }
        }
      }
      honest.get(30, TimeUnit.SECONDS);
      FlResult result = server.result.get(30, TimeUnit.SECONDS);
      assertThat(replies).extracting(UpdateReply::getAccepted).containsExactly(true, false);
      assertThat(replies.get(1).getReason())
          .isEqualTo("its energy method must be measured, estimated, mixed or given, got 'guessed'");
      RoundRecord first = result.perRound().getFirst();
      assertThat(first.perClient()).filteredOn(c -> c.client().equals("honest-2"))
          .singleElement().extracting(ClientEnergy::basis).isEqualTo(ClientEnergy.UNLABELLED);
      assertThat(first.energyBasis().orElseThrow().method()).isEqualTo(Obtained.MIXED);
      assertThat(result.perRound().get(1).energyBasis().orElseThrow()).satisfies(b -> {
        assertThat(b.method()).isEqualTo(Obtained.MEASURED);
        assertThat(b.uncertaintyPct()).isCloseTo(10, within(1e-9));
      });
      assertThat(server.log).containsOnlyOnce("honest-2 sends its energy without saying how it was obtained (a client "
          + "older than energy_method): counted as estimated +/-50 %");
    }
  }
}
