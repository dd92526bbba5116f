package io.lowcarb.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.CheckpointLayout;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transfer learning: starts a model from another training's checkpoint. Every parameter whose
 * name and shape match is copied, except the output head (the last layer with parameters), which
 * learns the new task from scratch; the layers named by index can be frozen.
 */
public final class WarmStart {
  private static final Pattern CHECKPOINT = Pattern.compile("(.+)-(\\d{4})\\.params");

  /**
   * What was reused.
   *
   * @param copied parameters copied from the checkpoint
   * @param fresh parameters left to their initialiser (no match)
   */
  public record Result(List<String> copied, List<String> fresh) {}

  private WarmStart() {}

  /**
   * Initialises {@code target}'s block for {@code input} and copies what matches from {@code
   * checkpoint} ({@code DIR/model-000N.params}, with {@code DIR/model.json}).
   *
   * @throws IllegalArgumentException when the checkpoint cannot be read or shares no layer
   */
  public static Result apply(Path checkpoint, Model target, NDManager manager, Shape input) throws IOException {
    ModelSpec sourceSpec = check(checkpoint);
    Matcher name = CHECKPOINT.matcher(checkpoint.getFileName().toString());
    name.matches(); // true: check has matched it
    Path dir = checkpoint.toAbsolutePath().getParent();
    Block block = target.getBlock();
    block.initialize(manager, DataType.FLOAT32, input);
    List<String> copied = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    try (Model source = Model.newInstance("source")) {
      source.setBlock(Blocks.of(sourceSpec));
      source.load(dir, name.group(1), Map.of("epoch", Integer.toString(Integer.parseInt(name.group(2)))));
      var sourceParams = source.getBlock().getParameters();
      var children = block.getChildren();
      Block head = null;
      for (var child : children) {
        if (!child.getValue().getParameters().isEmpty()) {
          head = child.getValue(); // the last layer with parameters
        }
      }
      java.util.Set<String> headParameters = new java.util.HashSet<>();
      for (var child : children) {
        if (child.getValue() == head) {
          child.getValue().getParameters().forEach(p -> headParameters.add(p.getValue().getId()));
        }
      }
      for (var entry : block.getParameters()) {
        Parameter to = entry.getValue();
        Parameter from = sourceParams.get(entry.getKey());
        if (headParameters.contains(to.getId())) {
          fresh.add(entry.getKey()); // the output head learns the new task from scratch
        } else if (from != null && from.isInitialized() && from.getArray().getShape().equals(to.getArray().getShape())) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          from.save(new DataOutputStream(bytes));
          to.load(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
          copied.add(entry.getKey());
        } else {
          fresh.add(entry.getKey());
        }
      }
    } catch (MalformedModelException e) {
      throw new IllegalArgumentException("the checkpoint " + checkpoint + " cannot be read: " + e.getMessage());
    }
    if (copied.isEmpty()) {
      throw new IllegalArgumentException("the checkpoint " + checkpoint + " does not match the model: no layer in common");
    }
    return new Result(List.copyOf(copied), List.copyOf(fresh));
  }

  /**
   * The spec of {@code checkpoint}, once its file is found to be a checkpoint of that spec: what a
   * command checks before it starts, so that a bad file is refused before anything is written.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static ModelSpec check(Path checkpoint) throws IOException {
    Matcher name = CHECKPOINT.matcher(checkpoint.getFileName().toString());
    if (!name.matches() || !Files.isRegularFile(checkpoint)) {
      throw new IllegalArgumentException(checkpoint + " is not a lowcarb checkpoint (DIR/model-000N.params)");
    }
    ModelSpec spec;
    try {
      spec = ModelSpec.read(checkpoint.toAbsolutePath().resolveSibling("model.json"));
    } catch (SpecException | java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("the checkpoint " + checkpoint + " has no readable model.json beside it");
    }
    CheckpointLayout.check(checkpoint, spec); // DJL believes the sizes in the file: they are checked first
    return spec;
  }

  /** Freezes the layers at these indices of the spec (0-based). */
  public static void freeze(Block block, Set<Integer> layers) {
    var children = block.getChildren();
    for (int i : layers) {
      if (i < 0 || i >= children.size()) {
        throw new IllegalArgumentException("--freeze " + i + ": the model has layers 0 to " + (children.size() - 1));
      }
      children.get(i).getValue().freezeParameters(true);
    }
  }
}
