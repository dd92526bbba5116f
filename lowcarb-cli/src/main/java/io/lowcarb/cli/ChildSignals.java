package io.lowcarb.cli;

import sun.misc.Signal;

/**
 * Forwards SIGINT and SIGTERM to the measured command instead of letting them end lowcarb, so that
 * the command can stop cleanly and lowcarb writes the final row after it. When lowcarb runs in a
 * terminal, the terminal already sends Ctrl-C to the command (same process group); SIGINT is then
 * not sent a second time.
 */
final class ChildSignals {
  private ChildSignals() {}

  static void forward(Process child) {
    boolean terminal = System.console() != null && System.console().isTerminal();
    handle("INT", child, Signals.SIGINT, !terminal);
    handle("TERM", child, Signals.SIGTERM, true);
  }

  private static void handle(String name, Process child, int number, boolean send) {
    try {
      Signal.handle(new Signal(name), signal -> {
        if (send && child.isAlive()) {
          Signals.send(child.pid(), number);
        }
      });
    } catch (IllegalArgumentException e) {
      // The JVM reserves this signal (for example with -Xrs): leave the default behaviour.
    }
  }
}
