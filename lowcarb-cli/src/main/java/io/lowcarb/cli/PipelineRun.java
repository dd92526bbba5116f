package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.pipeline.Pipeline;
import io.lowcarb.pipeline.Step;
import io.lowcarb.pipeline.StepOrder;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStatus;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.StepFootprints;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs a pipeline's steps with lowcarb's own commands: the schedule (if any), the baseline
 * training, then the compression steps; then the report and the table. The pipeline is recorded
 * as a run, and each step records its run under it; the pipeline's footprint is the sum of its
 * steps'. What each step writes stays in the output folder, and {@code pipeline-state.json} says
 * which steps are done and the pipeline's {@code run_id}, so that {@code --resume} goes on after a
 * failure with the same run (a training cut short resumes from its last checkpoint).
 */
final class PipelineRun {
  static final String STATE = "pipeline-state.json";

  private final Pipeline p;
  private final PrintWriter out;
  private final PrintWriter err;
  private final StoreOption store;
  private final CommandLine.Model.CommandSpec spec;
  private final ObjectNode state;
  private final Path stateFile;

  PipelineRun(Pipeline p, CommandLine.Model.CommandSpec spec, StoreOption store, boolean resume) throws IOException {
    this.p = p;
    this.spec = spec;
    this.out = spec.commandLine().getOut();
    this.err = spec.commandLine().getErr();
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
      state.put("run_id", RunStore.newId());
      state.put("name", p.name());
      state.put("started", Instant.now().toString());
      state.putArray("done");
      state.putArray("runs");
      save();
    } else if (!state.hasNonNull("run_id")) {
      state.put("run_id", RunStore.newId()); // a pipeline begun before pipelines were recorded
      save();
    }
  }

  /** Runs what is not done yet, recorded as the pipeline's run; returns the exit status. */
  int run() throws Exception {
    try (Recording recording = Recording.resume(store, spec, state.path("run_id").asText(), RunKind.PIPELINE,
        p.name(), Machine.local(), "accuracy", Map.of("out", p.out().toAbsolutePath().toString()))) {
      return run(recording);
    }
  }

  private int run(Recording recording) throws Exception {
    if (StepOrder.quantizeBeforePrune(p.steps())) {
      err.println("pipeline: note: int8 quantization is applied to the final weights, after pruning");
    }
    if (p.schedule().isPresent() && !done("schedule")) {
      int s = schedule(p.schedule().get());
      if (s != 0) {
        return failed(recording, "schedule", s);
      }
      mark("schedule");
    }
    Path trainJson = p.out().resolve("train.json");
    if (!done("train")) {
      int t = step("train", trainArgs(trainJson, recording.id()), recording);
      if (t != 0) {
        return failed(recording, "train", t);
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
      end(recording, Map.of("baseline_accuracy", train.path("accuracy").asDouble()),
          String.format(Locale.ROOT, "the baseline reached %.4f, below the target %.4f", reached, p.targetAccuracy()));
      return Main.USAGE;
    }
    Path compressJson = p.out().resolve("compress.json");
    if (!done("compress")) {
      int c = step("compress", compressArgs(train.path("checkpoint").asText(), compressJson, recording.id()), recording);
      if (c != 0) {
        return failed(recording, "compress", c);
      }
      mark("compress");
    }
    JsonNode compress = new ObjectMapper().readTree(compressJson.toFile());
    JsonNode last = compress.path("variants").get(compress.path("variants").size() - 1);
    end(recording, Map.of("baseline_accuracy", train.path("accuracy").asDouble(),
        "accuracy", last == null ? Double.NaN : last.path("accuracy").asDouble()), "");
    Path report = p.out().resolve("report.html");
    List<String> runs = new ArrayList<>();
    state.path("runs").forEach(r -> runs.add(r.asText()));
    if (!runs.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("report", "--out", report.toString()));
      args.addAll(storeArgs());
      args.addAll(runs);
      if (step("report", args, null) != 0) {
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

  private int failed(Recording recording, String step, int exit) {
    err.println("pipeline: step " + step + " failed (exit " + exit + "); what earlier steps wrote is kept in "
        + p.out() + ": fix the cause and run again with --resume");
    end(recording, Map.of(), "step " + step + " failed (exit " + exit + ")");
    return exit;
  }

  /**
   * Records the pipeline's end: its footprint is the sum of its steps' (one machine, one set of
   * sensors: their uncertainties add linearly); {@code why} is empty for a pipeline that finished.
   */
  private void end(Recording recording, Map<String, Double> metrics, String why) {
    List<Footprint> steps = recording.children().stream().flatMap(r -> r.footprint().stream()).toList();
    Map<String, Double> known = new java.util.HashMap<>(metrics);
    known.values().removeIf(v -> v.isNaN());
    RunEnd end = new RunEnd(RunStatus.FINISHED, Instant.now(), StepFootprints.sum(steps), known, List.of(),
        Optional.empty(), OptionalInt.empty(), "");
    recording.end(why.isEmpty() ? end : end.failed(why));
  }

  private int schedule(Pipeline.Schedule s) throws Exception {
    Path plan = p.out().resolve("schedule.json");
    List<String> args = new ArrayList<>(List.of("schedule", "window", "--zone", p.zone(), "--deadline",
        s.deadline().toString(), "--duration", s.estimate().toSeconds() + "s", "--json", plan.toString()));
    s.series().ifPresent(f -> args.addAll(List.of("--series", f.toString())));
    s.source().ifPresent(src -> args.addAll(List.of("--source", src)));
    int exit = step("schedule", args, null);
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

  private List<String> trainArgs(Path json, String pipelineRun) {
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
    a.addAll(List.of("--parent-run", pipelineRun));
    return a;
  }

  private List<String> compressArgs(String checkpoint, Path json, String pipelineRun) {
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
    a.addAll(List.of("--parent-run", pipelineRun));
    return a;
  }

  private List<String> storeArgs() {
    return store.url == null ? List.of() : List.of("--store", store.url);
  }

  /**
   * Runs one lowcarb command in this process, its stderr passing through; then keeps the ids of
   * the runs recorded under the pipeline's so far ({@code recording} null for a step that records none).
   */
  private int step(String name, List<String> args, Recording recording) throws IOException {
    err.println("pipeline: " + name + ": lowcarb " + String.join(" ", args));
    int exit = Main.run(args.toArray(String[]::new), out, err);
    err.flush();
    if (recording != null) {
      Set<String> ids = new LinkedHashSet<>();
      state.path("runs").forEach(r -> ids.add(r.asText()));
      recording.children().forEach(r -> ids.add(r.id()));
      var runs = state.putArray("runs");
      ids.forEach(runs::add);
      save();
    }
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
