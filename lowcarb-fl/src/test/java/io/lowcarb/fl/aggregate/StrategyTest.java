package io.lowcarb.fl.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.fl.ClientUpdate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StrategyTest {
  private static final float[] GLOBAL = {0, 0};

  @Test
  void fedAvgIsTheMeanWeightedByExamples() {
    List<ClientUpdate> updates = List.of(new ClientUpdate("a", new float[] {1, 10}, 1),
        new ClientUpdate("b", new float[] {4, 40}, 3));
    assertThat(new FedAvg().aggregate(GLOBAL, updates)).containsExactly(3.25f, 32.5f);
    assertThat(new FedProx(0.01).aggregate(GLOBAL, updates)).containsExactly(3.25f, 32.5f);
  }

  @Test
  void medianAndTrimmedMeanIgnoreOneHugeOutlier() {
    List<ClientUpdate> updates = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      updates.add(new ClientUpdate("c" + i, new float[] {1 + i * 0.1f, -1}, 10));
    }
    updates.add(new ClientUpdate("hostile", new float[] {1e9f, 1e9f}, 1000));
    assertThat(new FedAvg().aggregate(GLOBAL, updates)[0]).isGreaterThan(1e8f);
    assertThat(new Median().aggregate(GLOBAL, updates)).containsExactly(1.45f, -1f);
    float[] trimmed = new TrimmedMean(0.1).aggregate(GLOBAL, updates);
    assertThat(trimmed[0]).isCloseTo(1.45f, within(1e-5f));
    assertThat(trimmed[1]).isEqualTo(-1f);
  }

  @Test
  void withoutUpdatesTheGlobalModelStays() {
    assertThat(new Median().aggregate(new float[] {2, 3}, List.of())).containsExactly(2, 3);
    assertThat(new FedAvg().aggregate(new float[] {2, 3}, List.of())).containsExactly(2, 3);
  }

  @Property(tries = 200)
  void fedAvgOfIdenticalUpdatesIsThatUpdate(@ForAll @Size(min = 1, max = 20) List<@FloatRange(min = -100, max = 100) Float> values,
      @ForAll @IntRange(min = 1, max = 8) int clients) {
    float[] w = new float[values.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = values.get(i);
    }
    List<ClientUpdate> updates = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      updates.add(new ClientUpdate("c" + c, w.clone(), 1 + c * 7));
    }
    float[] mean = new FedAvg().aggregate(new float[w.length], updates);
    for (int i = 0; i < w.length; i++) {
      assertThat(mean[i]).isCloseTo(w[i], within(1e-4f * (1 + Math.abs(w[i]))));
    }
  }

  /** With fewer hostile clients than each strategy tolerates, every coordinate stays within the honest range. */
  @Property(tries = 200)
  void robustStrategiesStayWithinTheHonestRange(
      @ForAll @Size(min = 5, max = 12) List<@FloatRange(min = -10, max = 10) Float> honest,
      @ForAll @FloatRange(min = -1e6f, max = 1e6f) float hostile) {
    List<ClientUpdate> updates = new ArrayList<>();
    for (Float v : honest) {
      updates.add(new ClientUpdate("h", new float[] {v}, 1));
    }
    updates.add(new ClientUpdate("x", new float[] {hostile}, 1));
    double min = honest.stream().mapToDouble(Float::doubleValue).min().orElseThrow();
    double max = honest.stream().mapToDouble(Float::doubleValue).max().orElseThrow();
    // one hostile client of n >= 6 is under a beta of 0.2's floor(0.2 n) >= 1 dropped at each end
    for (Strategy s : List.of(new Median(), new TrimmedMean(0.2))) {
      float v = s.aggregate(new float[1], updates)[0];
      assertThat((double) v).as(s.label()).isBetween(min - 1e-5, max + 1e-5);
    }
  }

  @Test
  void parsesItsSpecsAndNamesWhatIsWrong() {
    assertThat(Strategy.parse("fedavg")).isEqualTo(new FedAvg());
    assertThat(Strategy.parse("fedprox:0.01").proximalMu()).isEqualTo(0.01);
    assertThat(Strategy.parse("median").label()).isEqualTo("median");
    assertThat(Strategy.parse("trimmed-mean:0.1")).isEqualTo(new TrimmedMean(0.1));
    assertThat(Strategy.parse("fedprox:0.01").label()).isEqualTo("fedprox:0.01");
    assertThatThrownBy(() -> Strategy.parse("krum")).hasMessageContaining("unknown strategy 'krum'")
        .hasMessageContaining("fedavg, fedprox:MU, median or trimmed-mean:BETA");
    assertThatThrownBy(() -> Strategy.parse("fedprox:x")).hasMessageContaining("'x' is not a number");
    assertThatThrownBy(() -> Strategy.parse("trimmed-mean:0.5")).hasMessageContaining("[0, 0.5)");
    assertThatThrownBy(() -> Strategy.parse("median:3")).hasMessageContaining("takes no");
  }

  @Test
  void refusesAnUpdateOfTheWrongLength() {
    assertThatThrownBy(() -> new FedAvg().aggregate(GLOBAL, List.of(new ClientUpdate("a", new float[3], 1))))
        .hasMessageContaining("a sent 3 values, the model has 2");
  }
}
