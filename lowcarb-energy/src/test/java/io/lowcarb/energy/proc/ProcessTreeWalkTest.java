package io.lowcarb.energy.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking a tree of several levels and threads; what this JVM's reaped time adds. */
class ProcessTreeWalkTest {
  static final int SELF = 100;

  @TempDir Path dir;
  FakeProc fake;

  @BeforeEach
  void jvm() {
    fake = new FakeProc(dir).machineTicks(0, 0, 2).meminfo(8_000_000, 4_000_000);
    fake.process(SELF, 1, "java", 50, 10, 500, 0, 1000); // it reaped 500 ticks of children before we start
  }

  /** SELF -> 200 (threads 200, 201) -> 300 (by thread 201) -> 400; 900 is unrelated. */
  private void threeLevels() {
    fake.process(200, SELF, "torchrun", 10, 5, 1, 2, 100)
        .process(300, 200, "worker", 100, 50, 0, 0, 2000)
        .process(400, 300, "loader", 7, 3, 0, 0, 30)
        .process(900, 1, "sshd", 9999, 0, 0, 0, 9999)
        .children(SELF, SELF, 200)
        .children(200, 201, 300)
        .children(300, 300, 400);
  }

  @Test
  void sumsEveryLevelFoundThroughAnyThreadsChildrenFile() {
    threeLevels();
    ProcessTree.Usage u = new ProcessTree(fake.procFs(), 200, SELF).read();
    assertThat(u.cpuTicks()).isEqualTo((10 + 5 + 1 + 2) + (100 + 50) + (7 + 3));
    assertThat(u.rssPages()).isEqualTo(100 + 2000 + 30);
    assertThat(u.processes()).isEqualTo(3);
  }

  @Test
  void theFullScanFindsTheSameTreeFromParentPids() {
    threeLevels();
    fake.withoutChildrenFiles();
    ProcessTree.Usage u = new ProcessTree(fake.procFs(), 200, SELF).read();
    assertThat(u.cpuTicks()).isEqualTo(18 + 150 + 10);
    assertThat(u.rssPages()).isEqualTo(2130);
    assertThat(u.processes()).isEqualTo(3);
  }

  @Test
  void onlyTheReapedTimeGainedSinceTheStartCounts() {
    fake.process(200, SELF, "python", 100, 20, 0, 0, 10).children(SELF, SELF, 200);
    ProcessTree tree = new ProcessTree(fake.procFs(), 200, SELF);
    assertThat(tree.read().cpuTicks()).isEqualTo(120);
    fake.remove(200).children(SELF, SELF).process(SELF, 1, "java", 50, 10, 500 + 100, 50, 1000); // python reaped: 150
    ProcessTree.Usage after = tree.read();
    assertThat(after.cpuTicks()).isEqualTo(150);
    assertThat(after.processes()).isZero();
  }

  @Test
  void whenTheRootIsThisJvmItsReapedTimeIsCountedOnce() {
    ProcessTree tree = new ProcessTree(fake.procFs(), SELF, SELF);
    assertThat(tree.read().cpuTicks()).isEqualTo(560);
    fake.process(SELF, 1, "java", 50, 10, 600, 0, 1000);
    assertThat(tree.read().cpuTicks()).isEqualTo(660);
  }

  @Test
  void theTotalNeverGoesDownWhenADescendantVanishes() {
    threeLevels();
    ProcessTree tree = new ProcessTree(fake.procFs(), 200, SELF);
    long before = tree.read().cpuTicks();
    fake.remove(300).children(200, 201); // the worker went away without being reaped by the tree
    assertThat(tree.read().cpuTicks()).isEqualTo(before);
    assertThat(tree.read().rssPages()).isEqualTo(100); // memory, unlike time, is what is resident now
  }

  @Test
  void aDeferredTreeIsEmptyUntilAttachedAndTakesOneRootOnly() {
    fake.process(200, SELF, "python", 100, 20, 0, 0, 10);
    ProcessTree tree = ProcessTree.deferred(fake.procFs(), SELF);
    assertThat(tree.rootPid()).isEqualTo(-1);
    assertThat(tree.read()).isEqualTo(new ProcessTree.Usage(0, 0, 0));
    tree.attach(200);
    assertThat(tree.rootPid()).isEqualTo(200);
    assertThat(tree.read().cpuTicks()).isEqualTo(120);
    assertThatThrownBy(() -> tree.attach(300)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anotherChildReapedByThisJvmIsNotCountedWhileTheRootRuns() {
    fake.process(200, SELF, "python", 100, 20, 0, 0, 10).children(SELF, SELF, 200);
    ProcessTree tree = new ProcessTree(fake.procFs(), 200, SELF);
    assertThat(tree.read().cpuTicks()).isEqualTo(120);
    fake.process(SELF, 1, "java", 50, 10, 500 + 1000, 0, 1000); // the JVM ran and reaped 'gcc': 1000 ticks
    assertThat(tree.read().cpuTicks()).isEqualTo(120);
  }
}
