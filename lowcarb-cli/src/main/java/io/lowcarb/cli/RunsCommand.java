package io.lowcarb.cli;

import picocli.CommandLine.Command;

/** {@code lowcarb runs}: the stored runs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "The runs lowcarb recorded, with their footprint: list, show, compare, export, import.",
    subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class, RunsExportCommand.class,
        RunsImportCommand.class})
final class RunsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
