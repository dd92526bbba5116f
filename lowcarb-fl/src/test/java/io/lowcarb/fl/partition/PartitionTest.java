package io.lowcarb.fl.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PartitionTest {
  private static int[] labels(int n, int classes, long seed) {
    Random r = new Random(seed);
    return r.ints(n, 0, classes).toArray();
  }

  @Property(tries = 60)
  void everyPartitionIsDisjointCoversAllAndLeavesNoClientEmpty(@ForAll @IntRange(min = 1, max = 30) int clients,
      @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll @IntRange(min = 0, max = 99) int seed) {
    int[] labels = labels(600, 10, seed);
    Partition p = List.of(new Iid(), new Dirichlet(0.3), new Shards(2)).get(kind);
    List<int[]> parts = p.split(labels, 10, clients, seed);
    assertThat(parts).hasSize(clients);
    int[] all = parts.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(all).containsExactly(java.util.stream.IntStream.range(0, 600).toArray());
    assertThat(parts).allSatisfy(part -> assertThat(part).isNotEmpty());
    assertThat(p.split(labels, 10, clients, seed)).usingRecursiveComparison().isEqualTo(parts);
  }

  @Test
  void iidDealsEqualShares() {
    List<int[]> parts = new Iid().split(labels(1000, 10, 1), 10, 7, 1);
    assertThat(parts).allSatisfy(part -> assertThat(part.length).isBetween(142, 143));
  }

  @Test
  void dirichletSkewGrowsAsAlphaFalls() {
    int[] labels = labels(5000, 10, 2);
    double skewed = meanLargestClassShare(new Dirichlet(0.1).split(labels, 10, 20, 3), labels);
    double mild = meanLargestClassShare(new Dirichlet(1).split(labels, 10, 20, 3), labels);
    double near = meanLargestClassShare(new Dirichlet(100).split(labels, 10, 20, 3), labels);
    assertThat(skewed).isGreaterThan(mild);
    assertThat(mild).isGreaterThan(near);
    assertThat(near).isLessThan(0.2);
    assertThat(skewed).isGreaterThan(0.5);
  }

  @Test
  void shardsGiveEachClientAtMostKLabels() {
    int[] labels = labels(6000, 10, 4);
    for (int k : new int[] {1, 2, 3}) {
      List<int[]> parts = new Shards(k).split(labels, 10, 100, 5);
      for (int[] part : parts) {
        assertThat(Arrays.stream(part).map(i -> labels[i]).distinct().count()).isLessThanOrEqualTo(k);
      }
    }
  }

  @Test
  void parsesItsSpecs() {
    assertThat(Partition.parse("iid")).isEqualTo(new Iid());
    assertThat(Partition.parse("dirichlet:0.5")).isEqualTo(new Dirichlet(0.5));
    assertThat(Partition.parse("shards:2")).isEqualTo(new Shards(2));
    assertThatThrownBy(() -> Partition.parse("random")).hasMessageContaining("unknown partition 'random'")
        .hasMessageContaining("iid, dirichlet:ALPHA");
    assertThatThrownBy(() -> Partition.parse("dirichlet:0")).hasMessageContaining("ALPHA must be a number > 0");
    assertThatThrownBy(() -> Partition.parse("shards:x")).hasMessageContaining("no valid number");
  }

  private static double meanLargestClassShare(List<int[]> parts, int[] labels) {
    return parts.stream().mapToDouble(part -> {
      int[] counts = new int[10];
      for (int i : part) {
        counts[labels[i]]++;
      }
      return (double) Arrays.stream(counts).max().orElse(0) / Math.max(1, part.length);
    }).average().orElse(0);
  }
}
