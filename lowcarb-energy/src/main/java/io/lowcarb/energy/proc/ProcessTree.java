package io.lowcarb.energy.proc;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CPU time and memory of a process and all its descendants.
 *
 * <p>Each live process contributes its own CPU time plus that of the children it has reaped, so
 * a child that has exited and been waited for is still counted. When the root is a child of this
 * JVM, the JVM reaps it, and its time then appears in this JVM's own reaped-children time: that
 * delta is added. The total never goes down: a descendant that exits without being reaped by the
 * tree (a daemon re-parented to init) keeps what it had been seen to use.
 */
public final class ProcessTree {
  private final ProcFs proc;
  private volatile int rootPid;
  private final int selfPid;
  private long selfReapedBaseline;
  private long highestTicks;
  private boolean fullScan;

  /**
   * @param proc the {@code /proc} to read
   * @param rootPid the root of the tree
   * @param selfPid this JVM's pid; when it differs from {@code rootPid}, the growth of the JVM's
   *     reaped-children time after the root was last seen alive is counted for the root once it exits
   */
  public ProcessTree(ProcFs proc, int rootPid, int selfPid) {
    this.proc = proc;
    this.rootPid = rootPid;
    this.selfPid = selfPid;
    this.selfReapedBaseline =
        rootPid == selfPid ? 0 : proc.process(selfPid).map(ProcessStat::reapedChildrenTicks).orElse(0L);
  }

  /**
   * A tree whose root is not started yet: it reads as empty until {@link #attach}. Lets a meter
   * start before the command it measures, so the command's whole run is covered.
   */
  public static ProcessTree deferred(ProcFs proc, int selfPid) {
    return new ProcessTree(proc, -1, selfPid);
  }

  /** Sets the root of a deferred tree. */
  public void attach(int pid) {
    if (rootPid != -1) {
      throw new IllegalStateException("the tree already has a root, " + rootPid);
    }
    rootPid = pid;
  }

  /** The root process id, or -1 before {@link #attach}. */
  public int rootPid() {
    return rootPid;
  }

  /** One reading of the tree. */
  public record Usage(long cpuTicks, long rssPages, int processes) {}

  /** Reads the tree now. */
  public Usage read() {
    if (rootPid == -1) {
      return new Usage(0, 0, 0);
    }
    long ticks = 0;
    long rss = 0;
    List<ProcessStat> members = members();
    for (ProcessStat p : members) {
      ticks += p.totalTicks();
      rss += p.rssPages();
    }
    if (rootPid != selfPid) {
      long reaped = proc.process(selfPid).map(ProcessStat::reapedChildrenTicks).orElse(selfReapedBaseline);
      boolean rootAlive = !members.isEmpty() && members.getFirst().pid() == rootPid;
      if (rootAlive) {
        selfReapedBaseline = reaped; // other children this JVM reaps meanwhile are not the tree's
      } else {
        ticks += Math.max(0, reaped - selfReapedBaseline);
      }
    }
    highestTicks = Math.max(highestTicks, ticks);
    return new Usage(highestTicks, rss, members.size());
  }

  private List<ProcessStat> members() {
    if (!fullScan) {
      Optional<List<ProcessStat>> walked = walkChildren();
      if (walked.isPresent()) {
        return walked.get();
      }
      fullScan = true;
    }
    return scanAll();
  }

  private Optional<List<ProcessStat>> walkChildren() {
    List<ProcessStat> members = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(rootPid);
    while (!queue.isEmpty()) {
      int pid = queue.poll();
      if (!seen.add(pid)) {
        continue;
      }
      Optional<ProcessStat> stat = proc.process(pid);
      if (stat.isEmpty()) {
        continue;
      }
      members.add(stat.get());
      Optional<List<Integer>> children = proc.children(pid);
      if (children.isEmpty()) {
        return Optional.empty();
      }
      queue.addAll(children.get());
    }
    return Optional.of(members);
  }

  private List<ProcessStat> scanAll() {
    Map<Integer, List<ProcessStat>> byParent = new HashMap<>();
    ProcessStat root = null;
    try {
      for (int pid : proc.pids()) {
        Optional<ProcessStat> stat = proc.process(pid);
        if (stat.isEmpty()) {
          continue;
        }
        if (pid == rootPid) {
          root = stat.get();
        }
        byParent.computeIfAbsent(stat.get().parentPid(), k -> new ArrayList<>()).add(stat.get());
      }
    } catch (IOException e) {
      return List.of();
    }
    List<ProcessStat> members = new ArrayList<>();
    if (root == null) {
      return members;
    }
    Deque<ProcessStat> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      ProcessStat p = queue.poll();
      members.add(p);
      queue.addAll(byParent.getOrDefault(p.pid(), List.of()));
    }
    return members;
  }
}
