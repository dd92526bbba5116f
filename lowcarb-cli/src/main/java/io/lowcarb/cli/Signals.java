package io.lowcarb.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Sends a signal to a process with {@code kill(2)}, which Java's process API cannot do for SIGINT. */
final class Signals {
  static final int SIGINT = 2;
  static final int SIGTERM = 15;
  static final int SIGCONT = 18;
  static final int SIGSTOP = 19;

  private static final MethodHandle KILL =
      Linker.nativeLinker()
          .downcallHandle(
              Linker.nativeLinker().defaultLookup().find("kill").orElseThrow(),
              FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

  private Signals() {}

  /** Sends {@code signal} to {@code pid}; true when it was delivered. */
  static boolean send(long pid, int signal) {
    try {
      return (int) KILL.invokeExact((int) pid, signal) == 0;
    } catch (Throwable e) {
      return false;
    }
  }
}
