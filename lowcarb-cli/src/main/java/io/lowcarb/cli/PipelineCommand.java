package io.lowcarb.cli;

import io.lowcarb.pipeline.Pipeline;
import io.lowcarb.pipeline.PipelineException;
import io.lowcarb.pipeline.PipelineYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowcarb pipeline run PIPELINE.yaml}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Declarative pipelines: data to the greenest model that is good enough.",
    subcommands = {PipelineCommand.Run.class})
final class PipelineCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code lowcarb pipeline run}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run a pipeline file: train the baseline to the target, apply its steps (transfer, distil, prune,"
          + " quantize), record every step as a run, write report.html and print the table of savings.")
  static final class Run implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline (see examples/).")
    Path file;

    @Option(names = "--resume", description = "Go on with the run in the pipeline's out folder, after its last finished step.")
    boolean resume;

    @CommandLine.Mixin StoreOption store;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such file: " + file);
      }
      Pipeline p;
      try {
        p = PipelineYaml.read(file);
      } catch (PipelineException e) {
        throw new UsageException(e.getMessage());
      }
      return new PipelineRun(p, spec, store, resume).run();
    }
  }
}
