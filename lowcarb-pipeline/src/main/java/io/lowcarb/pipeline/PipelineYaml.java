package io.lowcarb.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a pipeline file. Every key is checked: an unknown key or step, a missing one, a value of
 * the wrong kind, and steps in an order that cannot work are refused with the file and line.
 *
 * <pre>
 * name: digits-green
 * dataset: digits
 * model: mlp
 * target_accuracy: 0.95
 * zone: ES
 * training: {epochs: 20, batch_size: 32, lr: 0.003, max_energy: 50Wh, max_co2: 20g, seed: 42}
 * schedule: {series: ES.csv, deadline: 2026-12-01T00:00Z, estimate: 30m}
 * steps:
 *   - transfer: {from: pretrained/model-0005.params, freeze: [0]}
 *   - distil: {student: mlp:32, temperature: 4, alpha: 0.7, epochs: 10}
 *   - prune: {ratio: 0.75, structured: true, fine_tune_epochs: 3}
 *   - quantize: {max_accuracy_drop: 0.01, calibration_samples: 512}
 * out: pipeline-out
 * </pre>
 */
public final class PipelineYaml {
  private static final Set<String> TOP =
      Set.of("name", "dataset", "model", "target_accuracy", "zone", "training", "schedule", "steps", "out");

  /** Pipeline files are a few hundred bytes; the YAML scanner's work grows faster than a file's length. */
  static final int MAX_BYTES = 256 * 1024;

  private final Path file;

  private PipelineYaml(Path file) {
    this.file = file;
  }

  /** The pipeline in {@code file}; relative paths in it are relative to the file's folder. */
  public static Pipeline read(Path file) throws IOException, PipelineException {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text(file)));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new PipelineException(file + " line " + line + ": not valid YAML: " + e.getProblem());
    } catch (ReaderException e) {
      throw new PipelineException(file + ": not valid YAML: character " + Integer.toHexString(e.getCodePoint())
          + " (hex) at character " + e.getPosition() + " is not allowed");
    } catch (YAMLException e) {
      // nesting or aliases beyond the loader's limits: no mark
      throw new PipelineException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new PipelineYaml(file).pipeline(root);
  }

  /** The file as UTF-8 text, refused when it is not, or larger than any pipeline. */
  private static String text(Path file) throws IOException, PipelineException {
    if (Files.size(file) > MAX_BYTES) {
      throw new PipelineException(file + " is " + Files.size(file) + " bytes; a pipeline file is at most " + MAX_BYTES);
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new PipelineException(file + " is not UTF-8 text: byte " + bytes.position() + " is not UTF-8 (save it as UTF-8)");
    }
  }

  private Pipeline pipeline(Node root) throws PipelineException {
    if (root == null) {
      throw new PipelineException(file + " is empty: a pipeline is a mapping of keys (name, dataset, model, target_accuracy, steps...)");
    }
    if (!(root instanceof MappingNode)) {
      throw error(root, "a pipeline is a mapping of keys (name, dataset, model, target_accuracy, steps...)");
    }
    Map<String, NodeTuple> top = keys((MappingNode) root, TOP, "top-level key");
    double target = number(required(root, top, "target_accuracy"), "target_accuracy");
    if (!(target > 0 && target <= 1)) {
      throw error(top.get("target_accuracy").getValueNode(), "target_accuracy must be in (0, 1], got " + target);
    }
    String dataset = text(top, "dataset").orElse("digits");
    Path out = resolve(text(top, "out").orElse("pipeline-out"));
    return new Pipeline(
        text(top, "name").orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", "")),
        dataset.matches("digits|mnist|fashion-mnist") ? dataset : resolve(dataset).toString(),
        text(top, "model").orElse("mlp"),
        target,
        training(top.get("training")),
        text(top, "zone").orElse("world"),
        steps(required(root, top, "steps")),
        schedule(top.get("schedule")),
        out);
  }

  private Pipeline.Training training(NodeTuple t) throws PipelineException {
    if (t == null) {
      return new Pipeline.Training(20, 32, 0.003, Optional.empty(), Optional.empty(), 42);
    }
    Map<String, NodeTuple> k = keys(mapping(t, "training"),
        Set.of("epochs", "batch_size", "lr", "max_energy", "max_co2", "seed"), "training key");
    return new Pipeline.Training(
        positiveInt(k, "epochs", 20), positiveInt(k, "batch_size", 32),
        k.containsKey("lr") ? number(k.get("lr").getValueNode(), "lr") : 0.003,
        text(k, "max_energy"), text(k, "max_co2"),
        k.containsKey("seed") ? (long) number(k.get("seed").getValueNode(), "seed") : 42);
  }

  private Optional<Pipeline.Schedule> schedule(NodeTuple t) throws PipelineException {
    if (t == null) {
      return Optional.empty();
    }
    Map<String, NodeTuple> k = keys(mapping(t, "schedule"), Set.of("series", "source", "deadline", "estimate"),
        "schedule key");
    Optional<Path> series = text(k, "series").map(this::resolve);
    Optional<String> source = text(k, "source");
    if (series.isPresent() == source.isPresent()) {
      throw error(t.getKeyNode(), "schedule needs one of series (a file) or source (electricitymaps, watttime, uk)");
    }
    Node deadlineNode = required(t.getValueNode(), k, "deadline");
    Instant deadline;
    try {
      deadline = OffsetDateTime.parse(scalar(deadlineNode, "deadline")).toInstant();
    } catch (DateTimeParseException e) {
      throw error(deadlineNode, "deadline must be an ISO-8601 time with an offset, such as 2026-12-01T00:00Z");
    }
    Node estimateNode = required(t.getValueNode(), k, "estimate");
    return Optional.of(new Pipeline.Schedule(series, source, deadline, duration(estimateNode)));
  }

  private Duration duration(Node n) throws PipelineException {
    String v = scalar(n, "estimate").trim().toLowerCase(Locale.ROOT);
    var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(s|m|h)").matcher(v);
    if (!m.matches()) {
      throw error(n, "estimate must be a duration such as 90s, 30m or 2h, got '" + v + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    double seconds = amount * switch (m.group(2)) {
      case "h" -> 3600;
      case "m" -> 60;
      default -> 1;
    };
    return Duration.ofMillis((long) (seconds * 1000));
  }

  private List<Step> steps(Node n) throws PipelineException {
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, "steps must be a list, such as '- prune: {ratio: 0.75}'");
    }
    List<Step> steps = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode m) || m.getValue().size() != 1) {
        throw error(item, "each step is one of transfer, distil, prune, quantize with its settings");
      }
      NodeTuple t = m.getValue().getFirst();
      String name = scalar(t.getKeyNode(), "step");
      int line = line(t.getKeyNode());
      Map<String, NodeTuple> k;
      Step step = switch (name) {
        case "transfer" -> {
          k = keys(mapping(t, "transfer"), Set.of("from", "freeze"), "transfer key");
          yield new Step.Transfer(resolve(scalar(required(t.getValueNode(), k, "from"), "from")), ints(k.get("freeze")),
              line);
        }
        case "distil", "distill" -> {
          k = keys(mapping(t, name), Set.of("student", "temperature", "alpha", "epochs"), "distil key");
          yield new Step.Distil(scalar(required(t.getValueNode(), k, "student"), "student"),
              k.containsKey("temperature") ? number(k.get("temperature").getValueNode(), "temperature") : 4,
              k.containsKey("alpha") ? number(k.get("alpha").getValueNode(), "alpha") : 0.7,
              positiveInt(k, "epochs", 10), line);
        }
        case "prune" -> {
          k = keys(mapping(t, "prune"), Set.of("ratio", "structured", "fine_tune_epochs"), "prune key");
          Node r = required(t.getValueNode(), k, "ratio");
          double ratio = number(r, "ratio");
          if (!(ratio >= 0 && ratio < 1)) {
            throw error(r, "prune ratio must be in [0, 1), got " + ratio);
          }
          yield new Step.Prune(ratio, k.containsKey("structured") && bool(k.get("structured").getValueNode()),
              positiveInt(k, "fine_tune_epochs", 3), line);
        }
        case "quantize" -> {
          k = keys(mapping(t, "quantize"), Set.of("max_accuracy_drop", "calibration_samples"), "quantize key");
          yield new Step.Quantize(
              k.containsKey("max_accuracy_drop") ? number(k.get("max_accuracy_drop").getValueNode(), "max_accuracy_drop")
                  : 0.01,
              positiveInt(k, "calibration_samples", 512), line);
        }
        default -> throw error(t.getKeyNode(), "unknown step '" + name + "': use transfer, distil, prune or quantize");
      };
      steps.add(step);
    }
    StepOrder.check(steps, file);
    return steps;
  }

  // --- node helpers

  private Map<String, NodeTuple> keys(MappingNode m, Set<String> allowed, String what) throws PipelineException {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode(), what);
      if (!allowed.contains(key)) {
        throw error(t.getKeyNode(), "unknown " + what + " '" + key + "' (known: " + String.join(", ",
            allowed.stream().sorted().toList()) + ")");
      }
      if (out.put(key, t) != null) {
        throw error(t.getKeyNode(), "'" + key + "' is given twice");
      }
    }
    return out;
  }

  private MappingNode mapping(NodeTuple t, String what) throws PipelineException {
    if (t.getValueNode() instanceof MappingNode m) {
      return m;
    }
    if (t.getValueNode() instanceof ScalarNode s && s.getValue().isEmpty()) {
      return new MappingNode(s.getTag(), List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
    }
    throw error(t.getValueNode(), what + " takes a mapping of settings, such as {ratio: 0.75}");
  }

  private Node required(Node parent, Map<String, NodeTuple> k, String key) throws PipelineException {
    NodeTuple t = k.get(key);
    if (t == null) {
      throw error(parent, "'" + key + "' is missing");
    }
    return t.getValueNode();
  }

  private Optional<String> text(Map<String, NodeTuple> k, String key) throws PipelineException {
    NodeTuple t = k.get(key);
    return t == null ? Optional.empty() : Optional.of(scalar(t.getValueNode(), key));
  }

  private String scalar(Node n, String what) throws PipelineException {
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(n, what + " must be a single value");
  }

  private double number(Node n, String what) throws PipelineException {
    String v = scalar(n, what);
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw error(n, what + " must be a number, got '" + v + "'");
    }
  }

  private int positiveInt(Map<String, NodeTuple> k, String key, int otherwise) throws PipelineException {
    if (!k.containsKey(key)) {
      return otherwise;
    }
    Node n = k.get(key).getValueNode();
    String v = scalar(n, key);
    try {
      int i = Integer.parseInt(v);
      if (i <= 0) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw error(n, key + " must be a positive whole number, got '" + v + "'");
    }
  }

  private boolean bool(Node n) throws PipelineException {
    String v = scalar(n, "structured");
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw error(n, "structured must be true or false, got '" + v + "'");
    };
  }

  private List<Integer> ints(NodeTuple t) throws PipelineException {
    if (t == null) {
      return List.of();
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      throw error(t.getValueNode(), "freeze must be a list of layer indices, such as [0, 1]");
    }
    List<Integer> out = new ArrayList<>();
    for (Node n : seq.getValue()) {
      double d = number(n, "a layer index");
      if (d < 0 || d != Math.rint(d)) {
        throw error(n, "a layer index must be a whole number >= 0, got " + scalar(n, "a layer index"));
      }
      out.add((int) d);
    }
    return out;
  }

  private Path resolve(String path) {
    Path p = Path.of(path);
    Path dir = file.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
  }

  private PipelineException error(Node n, String what) {
    return new PipelineException(file + " line " + line(n) + ": " + what);
  }

  static int line(Node n) {
    return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }
}
