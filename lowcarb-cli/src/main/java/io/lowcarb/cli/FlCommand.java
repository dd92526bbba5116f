package io.lowcarb.cli;

import picocli.CommandLine.Command;

/**
 * {@code lowcarb fl}: federated learning. {@code simulate} runs a federation in one process; the
 * server and client processes of a real deployment are subcommands beside it.
 */
@Command(name = "fl", mixinStandardHelpOptions = true,
    description = "Federated learning with its energy and CO2e: simulate a federation in one process, or run "
        + "a server and clients on several machines over gRPC (TLS, tokens).",
    subcommands = {FlSimulateCommand.class, FlServerCommand.class, FlClientCommand.class})
final class FlCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
