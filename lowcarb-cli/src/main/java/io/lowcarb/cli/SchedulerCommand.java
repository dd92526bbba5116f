package io.lowcarb.cli;

import picocli.CommandLine.Command;

/** {@code lowcarb scheduler}: the process that runs queued jobs and serves the HTTP API. */
@Command(
    name = "scheduler",
    mixinStandardHelpOptions = true,
    description = "Run queued jobs at their windows and serve the carbon-aware HTTP API.",
    subcommands = {SchedulerServeCommand.class})
final class SchedulerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
