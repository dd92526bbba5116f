package io.lowcarb.cli;

import picocli.CommandLine.Command;

/** {@code lowcarb schedule}: carbon-aware timing of jobs. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Find the greenest time (and place) to run a job before its deadline.",
    subcommands = {
      ScheduleWindowCommand.class, ScheduleRunCommand.class, ScheduleSubmitCommand.class, ScheduleJobsCommand.class,
      ScheduleCancelCommand.class, ScheduleBacktestCommand.class})
final class ScheduleCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
