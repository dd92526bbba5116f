package io.lowcarb.fl.grpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyBasis.Obtained;
import io.lowcarb.fl.ClientUpdate;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.fl.check.UpdateCheck;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.grpc.WireWeights;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.Task;
import io.lowcarb.fl.grpc.proto.Train;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fl.report.ClientEnergy;
import io.lowcarb.fl.report.RoundRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A round's bookkeeping and the review of updates, with plain objects. */
class RoundTest {
  private static final float[] GLOBAL = {1, 2, 3, 4};
  private static final UpdateCheck CHECK = UpdateCheck.forModel(GLOBAL.length);

  private static Update.Builder update(float[] delta) {
    return Update.newBuilder().setRound(1).setDelta(ByteString.copyFrom(new Compression.None().encoder().encode(delta)))
        .setExamples(5).setEnergyJoules(2).setEnergyMethod("estimated").setEnergyUncertaintyPct(30)
        .setGrid(Grid.newBuilder().setZone("ES").setGPerKwh(100));
  }

  @Test
  void anUpdateRebuildsTheGlobalModelPlusItsDeltaAndKeepsHowItsEnergyWasObtained() {
    UpdateReview.Verdict v = UpdateReview.review(update(new float[] {0.5f, 0, 0, -1}).build(), GLOBAL, CHECK, 5);
    assertThat(v).isInstanceOfSatisfying(UpdateReview.Passed.class, p -> {
      assertThat(p.weights()).containsExactly(1.5f, 2, 3, 3);
      assertThat(p.basis()).isEqualTo(new EnergyBasis(Obtained.ESTIMATED, 30));
      assertThat(p.labelled()).isTrue();
    });
  }

  @Test
  void anOlderClientsFigureWithoutAMethodCountsAsEstimatedAtTheWidestUncertainty() {
    Update old = update(new float[4]).clearEnergyMethod().clearEnergyUncertaintyPct().build();
    assertThat(UpdateReview.review(old, GLOBAL, CHECK, 5)).isInstanceOfSatisfying(UpdateReview.Passed.class, p -> {
      assertThat(p.basis()).isEqualTo(ClientEnergy.UNLABELLED);
      assertThat(p.basis().method()).isEqualTo(Obtained.ESTIMATED);
      assertThat(p.labelled()).isFalse();
    });
  }

  @Test
  void implausibleReportsAndBrokenPayloadsAreRefusedByName() {
    float[] zero = new float[4];
    assertThat(reason(update(zero).setExamples(0))).isEqualTo("it reports 0 examples, 5 when it joined");
    assertThat(reason(update(zero).setExamples(6))).isEqualTo("it reports 6 examples, 5 when it joined");
    assertThat(reason(update(zero).setEnergyJoules(Double.NaN))).contains("is not a finite number >= 0");
    assertThat(reason(update(zero).setGrid(Grid.newBuilder().setGPerKwh(-1)))).contains("is not a finite number >= 0");
    assertThat(reason(update(zero).setDelta(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 4, 1}))))
        .contains("truncated");
    assertThat(reason(update(new float[] {Float.POSITIVE_INFINITY, 0, 0, 0}))).isEqualTo("value 0 is infinite");
    assertThat(reason(update(zero).setEnergyMethod("guessed")))
        .isEqualTo("its energy method must be measured, estimated, mixed or given, got 'guessed'");
    assertThat(reason(update(zero).setEnergyUncertaintyPct(-1))).startsWith("its uncertainty must be finite and >= 0 %");
    assertThat(reason(update(zero).setEnergyUncertaintyPct(Double.NaN))).startsWith("its uncertainty must be");
  }

  private static String reason(Update.Builder u) {
    UpdateReview.Verdict v = UpdateReview.review(u.build(), GLOBAL, CHECK, 5);
    assertThat(v).isInstanceOf(UpdateReview.Refused.class);
    return ((UpdateReview.Refused) v).reason();
  }

  @Test
  void theRecordCountsTakenUpdatesEnergyAtEachClientsIntensityAndEveryByte() {
    Task task = Task.newBuilder().setTrain(Train.newBuilder().setRound(3).setGlobalWeights(WireWeights.bytes(GLOBAL))).build();
    Round round = new Round(3, GLOBAL, task, List.of("es", "pl", "evil"), 2, System.nanoTime(), 400);
    round.sent();
    round.sent();
    round.sent();
    round.accept("es", new Round.Accepted(new ClientUpdate("es", GLOBAL, 5), 3.6e6,
        new EnergyBasis(Obtained.ESTIMATED, 30), 1.5, 100, 100));
    round.accept("pl", new Round.Accepted(new ClientUpdate("pl", GLOBAL, 5), 3.6e6,
        new EnergyBasis(Obtained.MEASURED, 10), 1, 700, 100));
    round.refuse("evil", "value 17 is NaN", 50);
    assertThat(round.allAnswered()).isTrue();
    RoundRecord r = RoundAccounting.record(round, 0.9);
    long bytes = 3 * 16 + 100 + 100 + 50;
    double network = NetworkEnergy.kwh(bytes);
    assertThat(r.bytes()).isEqualTo(bytes);
    assertThat(r.energyKwh()).as("IT energy: 1 kWh each").isCloseTo(2, within(1e-9));
    assertThat(r.networkKwh()).isEqualTo(network);
    // 1 kWh x PUE 1.5 x 100 g + 1 kWh x 700 g, plus the network at the round's mean (400 g)
    assertThat(r.emissionsKg()).isCloseTo((150 + 700 + network * 400) / 1000, within(1e-12));
    assertThat(r.randomEmissionsKg()).isCloseTo((2.5 * 400 + network * 400) / 1000, within(1e-12));
    assertThat(r.clients()).containsExactly("es", "pl");
    assertThat(r.refused()).containsExactly("evil: value 17 is NaN");
    // an estimate and a measurement from two machines: mixed, their errors independent
    assertThat(r.perClient()).extracting(c -> c.basis().method()).containsExactly(Obtained.ESTIMATED, Obtained.MEASURED);
    assertThat(r.energyBasis().orElseThrow().method()).isEqualTo(Obtained.MIXED);
    assertThat(r.energyBasis().orElseThrow().uncertaintyPct()).isCloseTo(100 * Math.hypot(0.3, 0.1) / 2, within(1e-9));
    // with the network's estimate (+/-100 %) beside it
    assertThat(r.totalBasis().orElseThrow().uncertaintyPct())
        .isCloseTo(100 * Math.hypot(Math.hypot(0.3, 0.1), network) / (2 + network), within(1e-9));
  }
}
