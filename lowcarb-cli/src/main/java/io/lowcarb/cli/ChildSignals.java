package io.lowcarb.cli;

import sun.misc.Signal;

/**
 * Forwards SIGINT and SIGTERM to the measured command instead of letting them end lowcarb, so that
 * the command can stop cleanly and lowcarb writes the final row after it. Installed before the
 * first row is written: a signal that arrives before the command has started is held and passed
 * on as soon as it has. When lowcarb runs in a terminal, the terminal already sends Ctrl-C to the
 * command (same process group); SIGINT is then not sent a second time.
 */
final class ChildSignals {
  private volatile Process child;
  private volatile int pending;

  private ChildSignals() {}

  /** Takes over SIGINT and SIGTERM for this JVM. */
  static ChildSignals install() {
    ChildSignals signals = new ChildSignals();
    boolean terminal = System.console() != null && System.console().isTerminal();
    signals.handle("INT", Signals.SIGINT, !terminal);
    signals.handle("TERM", Signals.SIGTERM, true);
    return signals;
  }

  /** The command has started: from now on signals go to it, and one held so far goes now. */
  synchronized void attach(Process process) {
    child = process;
    if (pending != 0) {
      Signals.send(process.pid(), pending);
    }
  }

  private void handle(String name, int number, boolean send) {
    try {
      Signal.handle(new Signal(name), signal -> deliver(number, send));
    } catch (IllegalArgumentException e) {
      // The JVM reserves this signal (for example with -Xrs): leave the default behaviour.
    }
  }

  private synchronized void deliver(int number, boolean send) {
    if (!send) {
      return;
    }
    Process p = child;
    if (p == null) {
      pending = number;
    } else if (p.isAlive()) {
      Signals.send(p.pid(), number);
    }
  }
}
