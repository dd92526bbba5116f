package io.lowcarb.cli;

import io.lowcarb.pipeline.Pipeline;
import io.lowcarb.pipeline.PipelineException;
import io.lowcarb.pipeline.PipelineYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowcarb demo}: the shipped digits pipeline, end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the example pipeline on the built-in digits set: train to 0.95, distil, prune, quantize,"
        + " with every step measured and recorded; prints the table of savings and the path of the report.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR", description = "Where the demo writes (default demo-out).")
  Path out;

  @CommandLine.Mixin StoreOption store;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out.resolve(PipelineRun.STATE))) {
      spec.commandLine().getErr().println("demo: replacing the previous demo in " + out);
      clear(out);
    } else if (Files.exists(out) && (!Files.isDirectory(out) || hasFiles(out))) {
      throw new UsageException(out + " exists and is not a previous demo: give another --out");
    }
    Files.createDirectories(out);
    Path yaml = out.resolve("pipeline.yaml"); // kept: what the demo ran
    try (InputStream in = DemoCommand.class.getResourceAsStream("examples/digits.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the example pipeline is missing from the jar");
      }
      // The example writes next to itself here, not in ../pipeline-out.
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll("(?m)^out: .*$", "out: .");
      Files.writeString(yaml, text);
    }
    Pipeline p;
    try {
      p = PipelineYaml.read(yaml);
    } catch (PipelineException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return new PipelineRun(p, spec, store, false).run();
  }

  private static boolean hasFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  private static void clear(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!f.equals(dir)) {
          Files.delete(f);
        }
      }
    }
  }
}
