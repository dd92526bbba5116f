package io.lowcarb.fl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.fl.aggregate.FedAvg;
import io.lowcarb.fl.aggregate.Median;
import io.lowcarb.fl.aggregate.Strategy;
import io.lowcarb.fl.aggregate.TrimmedMean;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.partition.Iid;
import io.lowcarb.fl.report.RoundRecord;
import io.lowcarb.fl.select.Selection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Federations on the embedded digits set: the goals, measured. */
class FederatedDigitsTest {

  @Test
  void tenClientsWithLabelSkewReachTheTargetWithinThirtyRounds() {
    SimulationResult r = Federations.run(Federations.digits().rounds(30).targetAccuracy(0.93).build());
    assertThat(r.result().finalAccuracy()).isGreaterThanOrEqualTo(0.93);
    assertThat(r.result().rounds()).isLessThanOrEqualTo(30);
    assertThat(r.stoppedBecause()).contains("target");
    RoundRecord first = r.result().perRound().getFirst();
    assertThat(first.clients()).hasSize(5);
    assertThat(first.energyKwh()).isPositive();
    assertThat(first.emissionsKg()).isPositive();
    assertThat(first.bytes()).isEqualTo(5 * 2 * (5 + 4L * r.model().params()));
  }

  @Test
  void robustAggregationResistsAClientThatPushesTheWrongWay() {
    SimulationSettings.Builder honest = Federations.digits().partition(new Iid()).fraction(1).rounds(8).localEpochs(1);
    double baseline = Federations.run(honest.build()).result().finalAccuracy();
    Map<Integer, Hostility> hostile = Map.of(3, new Hostility.Scaled(-10));
    double fedavg = accuracy(honest.hostile(hostile).strategy(new FedAvg()));
    double median = accuracy(honest.hostile(hostile).strategy(new Median()));
    double trimmed = accuracy(honest.hostile(hostile).strategy(new TrimmedMean(0.1)));
    System.out.printf("honest %.4f, hostile: fedavg %.4f, median %.4f, trimmed-mean:0.1 %.4f%n",
        baseline, fedavg, median, trimmed);
    assertThat(fedavg).isLessThan(baseline - 0.2);
    assertThat(median).isGreaterThan(baseline - 0.05);
    assertThat(trimmed).isGreaterThan(baseline - 0.05);
  }

  /**
   * int8 is held to 3.9x: one byte a value against four, less its scales and headers, is just under 4x;
   * top-k at 20% sends 4 bytes for a fifth of the values and a one-bit-a-value bitmap (4.3x).
   */
  @Test
  void compressedUpdatesSendFourTimesFewerBytesForTheSameAccuracy() {
    SimulationSettings.Builder base = Federations.digits().rounds(12);
    SimulationResult none = Federations.run(base.compression(new Compression.None()).build());
    for (Compression c : List.of(new Compression.Int8(), new Compression.TopK(0.2))) {
      SimulationResult r = Federations.run(base.compression(c).build());
      System.out.printf("%s: %,d bytes (none %,d, %.1fx fewer), accuracy %.4f (none %.4f)%n", c.label(),
          r.result().bytesSent(), none.result().bytesSent(),
          (double) none.result().bytesSent() / r.result().bytesSent(), r.result().finalAccuracy(),
          none.result().finalAccuracy());
      double least = c instanceof Compression.Int8 ? 3.9 : 4;
      assertThat((double) none.result().bytesSent() / r.result().bytesSent()).isGreaterThanOrEqualTo(least);
      assertThat(r.result().finalAccuracy()).isGreaterThanOrEqualTo(none.result().finalAccuracy() - 0.01);
    }
  }

  @Test
  void greenestSelectionEmitsLessThanRandomAtEqualRounds() {
    SimulationSettings.Builder base = Federations.digits().rounds(4)
        .zones(List.of("ES", "NO", "PL", "FR", "IN", "SE", "ZA", "BR", "DE", "AU"));
    SimulationResult random = Federations.run(base.selection(new Selection.Uniform()).build());
    SimulationResult greenest = Federations.run(base.selection(new Selection.Greenest()).build());
    System.out.printf("CO2e: greenest %.3g kg, random %.3g kg; greenest's estimate of its saving %.3g kg%n",
        greenest.result().emissionsKg(), random.result().emissionsKg(), greenest.result().co2SavedKg());
    assertThat(greenest.result().emissionsKg()).isLessThan(random.result().emissionsKg() * 0.7);
    assertThat(greenest.result().co2SavedKg()).isPositive();
  }

  private static double accuracy(SimulationSettings.Builder settings) {
    return Federations.run(settings.build()).result().finalAccuracy();
  }
}
