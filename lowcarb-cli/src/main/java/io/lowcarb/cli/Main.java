package io.lowcarb.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code lowcarb} command. */
@Command(
    name = "lowcarb",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Measure and cut the energy and CO2e of AI work.",
    subcommands = {
      MeasureCommand.class, SensorsCommand.class, ZonesCommand.class, TrainCommand.class, TuneCommand.class, InferCommand.class, CompressCommand.class,
      DatasetsCommand.class, ScheduleCommand.class, SchedulerCommand.class, RunsCommand.class, AdviseCommand.class,
      PipelineCommand.class, DemoCommand.class, FlCommand.class, ReportCommand.class, UiCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status for lowcarb's own usage errors. */
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI and returns its exit status; the streams are parameters for tests. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println(name(ex.getCommandLine()) + ": " + ex.getMessage());
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UsageException) {
            err.println(name(commandLine) + ": " + ex.getMessage());
            return USAGE;
          }
          err.println(name(commandLine) + ": internal error: " + ex);
          if (System.getenv("LOWCARB_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return 1;
        });
    return cli.execute(args);
  }

  /** A subcommand's name as typed after {@code lowcarb}: {@code measure}, {@code schedule window}. */
  private static String name(CommandLine command) {
    String q = command.getCommandSpec().qualifiedName();
    return q.startsWith("lowcarb ") ? q.substring("lowcarb ".length()) : q;
  }

  /** The version from the jar's manifest. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"lowcarb " + version()};
    }
  }
}
