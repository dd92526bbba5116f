package io.lowcarb.fl.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.fl.select.Selection.Candidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static List<Candidate> clients() {
    List<Candidate> out = new ArrayList<>();
    double[] g = {500, 30, 700, 100, 40, 300, 30, 650, 200, 90};
    for (int i = 0; i < g.length; i++) {
      out.add(new Candidate("c" + i, g[i]));
    }
    return out;
  }

  @Test
  void takesTheFractionRoundedUpAtLeastTheMinimumAtMostAll() {
    Selection random = new Selection.Uniform();
    assertThat(random.select(clients(), 0.25, 1, new Random(1))).hasSize(3);
    assertThat(random.select(clients(), 0.1, 4, new Random(1))).hasSize(4);
    assertThat(random.select(clients(), 0.5, 20, new Random(1))).hasSize(10);
    assertThat(random.select(clients(), 1, 0, new Random(1))).hasSize(10);
    assertThatThrownBy(() -> random.select(clients(), 0, 1, new Random(1))).hasMessageContaining("(0, 1]");
  }

  @Test
  void greenestTakesTheCleanestGridsTiesAtRandom() {
    List<Candidate> chosen = new Selection.Greenest().select(clients(), 0.3, 1, new Random(2));
    assertThat(chosen).extracting(Candidate::client).containsExactlyInAnyOrder("c1", "c4", "c6");
    Set<String> firsts = new HashSet<>();
    for (int seed = 0; seed < 20; seed++) {
      firsts.add(new Selection.Greenest().select(clients(), 0.1, 1, new Random(seed)).getFirst().client());
    }
    assertThat(firsts).containsExactlyInAnyOrder("c1", "c6");
  }

  @Test
  void randomSamplesEveryClientInTime() {
    Set<String> seen = new HashSet<>();
    Random r = new Random(3);
    for (int round = 0; round < 30; round++) {
      seen.addAll(new Selection.Uniform().select(clients(), 0.2, 1, r).stream().map(Candidate::client).toList());
    }
    assertThat(seen).hasSize(10);
  }

  @Test
  void parsesItsSpecs() {
    assertThat(Selection.parse("random").label()).isEqualTo("random");
    assertThat(Selection.parse("greenest").label()).isEqualTo("greenest");
    assertThatThrownBy(() -> Selection.parse("cheapest")).hasMessage("unknown selection 'cheapest'; use random or greenest");
  }
}
