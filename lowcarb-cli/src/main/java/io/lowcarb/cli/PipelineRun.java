package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.pipeline.Pipeline;
import io.lowcarb.pipeline.Step;
import io.lowcarb.pipeline.StepOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a pipeline's steps with lowcarb's own commands, each recording its run: the schedule (if
 * any), the baseline training, then the compression steps; then the report and the table. What
 * each step writes stays in the output folder, and {@code pipeline-state.json} says which steps
 * are done, so that {@code --resume} goes on after a failure (a training cut short resumes from
 * its last checkpoint).
 */
final class PipelineRun {
  static final String STATE = "pipeline-state.json";
  private static final Pattern RECORDED = Pattern.compile("recorded as run ([0-9a-f]{12})");

  private final Pipeline p;
  private final PrintWriter out;
  private final PrintWriter err;
  private final String store;
  private final ObjectNode state;
  private final Path stateFile;

  PipelineRun(Pipeline p, PrintWriter out, PrintWriter err, String store, boolean resume) throws IOException {
    this.p = p;
    this.out = out;
    this.err = err;
    this.store = store;
    this.stateFile = p.out().resolve(STATE);
    if (Files.exists(stateFile) && !resume) {
      throw new UsageException(p.out() + " holds a pipeline run already: add --resume to go on with it, or set another out");
    }
    if (!Files.exists(stateFile) && resume) {
      throw new UsageException("nothing to resume in " + p.out() + " (no " + STATE + ")");
    }
    Files.createDirectories(p.out());
    state = resume ? (ObjectNode) new ObjectMapper().readTree(stateFile.toFile()) : new ObjectMapper().createObjectNode();
    if (!resume) {
      state.put("name", p.name());
      state.put("started", Instant.now().toString());
      state.putArray("done");
      state.putArray("runs");
      save();
    }
  }

  /** Runs what is not done yet; returns the exit status. */
  int run() throws Exception {
    if (StepOrder.quantizeBeforePrune(p.steps())) {
      err.println("pipeline: note: int8 quantization is applied to the final weights, after pruning");
    }
    if (p.schedule().isPresent() && !done("schedule")) {
      int s = schedule(p.schedule().get());
      if (s != 0) {
        return failed("schedule", s);
      }
      mark("schedule");
    }
    Path trainJson = p.out().resolve("train.json");
    if (!done("train")) {
      int t = step("train", trainArgs(trainJson));
      if (t != 0) {
        return failed("train", t);
      }
      mark("train");
    }
    JsonNode train = new ObjectMapper().readTree(trainJson.toFile());
    // The target is the training's stopping rule, judged on its validation part; the test part
    // stays held out for the table.
    double reached = 0;
    for (JsonNode epoch : train.path("epochs")) {
      reached = Math.max(reached, epoch.path("validation_accuracy").asDouble());
    }
    if (reached < p.targetAccuracy()) {
      err.printf(Locale.ROOT, "pipeline: the baseline reached %.4f (validation; %.4f on test), below the target %.4f:"
          + " stopping (raise training.epochs, or lower target_accuracy)%n", reached, train.path("accuracy").asDouble(),
          p.targetAccuracy());
      return Main.USAGE;
    }
    Path compressJson = p.out().resolve("compress.json");
    if (!done("compress")) {
      int c = step("compress", compressArgs(train.path("checkpoint").asText(), compressJson));
      if (c != 0) {
        return failed("compress", c);
      }
      mark("compress");
    }
    JsonNode compress = new ObjectMapper().readTree(compressJson.toFile());
    Path report = p.out().resolve("report.html");
    List<String> runs = new ArrayList<>();
    state.path("runs").forEach(r -> runs.add(r.asText()));
    if (!runs.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("report", "--out", report.toString()));
      args.addAll(storeArgs());
      args.addAll(runs);
      if (step("report", args) != 0) {
        err.println("pipeline: the report could not be written; the table follows");
        report = null;
      }
    } else {
      report = null;
    }
    PipelineTable.print(out, train, compress, p.targetAccuracy());
    if (report != null) {
      out.println("report: " + report.toAbsolutePath());
    }
    return 0;
  }

  private int failed(String step, int exit) {
    err.println("pipeline: step " + step + " failed (exit " + exit + "); what earlier steps wrote is kept in "
        + p.out() + ": fix the cause and run again with --resume");
    return exit;
  }

  private int schedule(Pipeline.Schedule s) throws Exception {
    Path plan = p.out().resolve("schedule.json");
    List<String> args = new ArrayList<>(List.of("schedule", "window", "--zone", p.zone(), "--deadline",
        s.deadline().toString(), "--duration", s.estimate().toSeconds() + "s", "--json", plan.toString()));
    s.series().ifPresent(f -> args.addAll(List.of("--series", f.toString())));
    s.source().ifPresent(src -> args.addAll(List.of("--source", src)));
    int exit = step("schedule", args);
    if (exit != 0) {
      return exit;
    }
    Instant start = Instant.parse(new ObjectMapper().readTree(plan.toFile()).path("start").asText());
    Duration wait = Duration.between(Instant.now(), start);
    if (wait.isPositive()) {
      err.println("pipeline: waiting " + Durations.text(wait.withNanos(0)) + " for the greenest window, at " + start);
      Thread.sleep(wait.toMillis());
    }
    return 0;
  }

  private List<String> trainArgs(Path json) {
    Pipeline.Training t = p.training();
    Path dir = p.out().resolve("train");
    List<String> a = new ArrayList<>(List.of("train", "--dataset", p.dataset(), "--model", p.model(),
        "--epochs", Integer.toString(t.epochs()), "--batch-size", Integer.toString(t.batchSize()),
        "--lr", Double.toString(t.learningRate()), "--seed", Long.toString(t.seed()),
        "--target-accuracy", Double.toString(p.targetAccuracy()), "--out", dir.toString(), "--json", json.toString(),
        "--zone", p.zone()));
    t.maxEnergy().ifPresent(e -> a.addAll(List.of("--max-energy", e)));
    t.maxCo2().ifPresent(c -> a.addAll(List.of("--max-co2", c)));
    p.transfer().ifPresent(tr -> {
      a.addAll(List.of("--init-from", tr.from().toString()));
      if (!tr.freeze().isEmpty()) {
        a.addAll(List.of("--freeze", tr.freeze().stream().map(String::valueOf).collect(Collectors.joining(","))));
      }
    });
    if (Files.isDirectory(dir)) {
      a.add("--resume"); // a training cut short goes on from its last checkpoint
    }
    a.addAll(storeArgs());
    return a;
  }

  private List<String> compressArgs(String checkpoint, Path json) {
    List<String> a = new ArrayList<>(List.of("compress", "--from", checkpoint, "--export",
        p.out().resolve("model.onnx").toString(), "--dataset", p.dataset(), "--zone", p.zone(), "--json", json.toString(),
        "--seed", Long.toString(p.training().seed())));
    for (Step s : p.steps()) {
      switch (s) {
        case Step.Transfer t -> { }
        case Step.Distil d -> a.addAll(List.of("--distill-teacher", checkpoint, "--student", d.student(),
            "--temperature", Double.toString(d.temperature()), "--alpha", Double.toString(d.alpha()),
            "--distill-epochs", Integer.toString(d.epochs())));
        case Step.Prune r -> {
          a.addAll(List.of("--prune", Double.toString(r.ratio()), "--fine-tune-epochs",
              Integer.toString(r.fineTuneEpochs())));
          if (r.structured()) {
            a.add("--structured");
          }
        }
        case Step.Quantize q -> a.addAll(List.of("--quantize", "int8", "--max-accuracy-drop",
            Double.toString(q.maxAccuracyDrop()), "--calibration-samples", Integer.toString(q.calibrationSamples())));
      }
    }
    a.addAll(storeArgs());
    return a;
  }

  private List<String> storeArgs() {
    return store == null ? List.of() : List.of("--store", store);
  }

  /** Runs one lowcarb command in this process; its stderr passes through and its run id is kept. */
  private int step(String name, List<String> args) throws IOException {
    err.println("pipeline: " + name + ": lowcarb " + String.join(" ", args));
    StringWriter seen = new StringWriter();
    PrintWriter both = new PrintWriter(new Writer() {
      @Override
      public void write(char[] b, int off, int len) {
        err.write(b, off, len);
        seen.write(b, off, len);
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        err.flush();
      }
    }, true);
    int exit = Main.run(args.toArray(String[]::new), out, both);
    both.flush();
    Matcher m = RECORDED.matcher(seen.toString());
    Set<String> ids = new LinkedHashSet<>();
    state.path("runs").forEach(r -> ids.add(r.asText()));
    while (m.find()) {
      ids.add(m.group(1));
    }
    var runs = state.putArray("runs");
    ids.forEach(runs::add);
    save();
    return exit;
  }

  private boolean done(String step) {
    for (JsonNode d : state.path("done")) {
      if (d.asText().equals(step)) {
        return true;
      }
    }
    return false;
  }

  private void mark(String step) throws IOException {
    ((com.fasterxml.jackson.databind.node.ArrayNode) state.path("done")).add(step);
    save();
  }

  private void save() throws IOException {
    byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
    AtomicFile.write(stateFile, o -> o.write(bytes));
  }
}
