package io.lowcarb.compress;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.CheckpointLayout;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trained model out of its engine: the spec, the input standardisation the trainer applied, and
 * the weights of every layer as plain arrays.
 *
 * @param spec the layers, input to output
 * @param inputMean subtracted from every input value before the network
 * @param inputStd every input value is divided by this after the mean is subtracted (0 is taken as 1)
 * @param weights per layer of the spec, its parameters by DJL's name ({@code weight}, {@code bias},
 *     {@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar}); empty for layers without
 */
public record Checkpoint(ModelSpec spec, double inputMean, double inputStd, List<Map<String, Tensor>> weights) {
  private static final Pattern FILE = Pattern.compile("(.+)-(\\d{4})\\.params");

  public Checkpoint {
    weights = weights.stream().map(Map::copyOf).toList();
    if (weights.size() != spec.layers().size()) {
      throw new IllegalArgumentException(weights.size() + " layers of weights for a spec of " + spec.layers().size());
    }
  }

  /**
   * Reads a checkpoint of {@code GreenTrainer}: {@code DIR/model-000N.params}, with {@code
   * DIR/model.json} beside it.
   *
   * @throws IllegalArgumentException naming the file when it is not such a checkpoint
   */
  public static Checkpoint read(Path params) throws IOException {
    Matcher name = FILE.matcher(params.getFileName().toString());
    if (!name.matches() || !Files.isRegularFile(params)) {
      throw new IllegalArgumentException(params + " is not a lowcarb checkpoint (DIR/model-000N.params)");
    }
    Path dir = params.toAbsolutePath().getParent();
    ModelSpec spec;
    try {
      spec = ModelSpec.read(dir.resolve("model.json"));
    } catch (SpecException | NoSuchFileException e) {
      throw new IllegalArgumentException("the checkpoint " + params + " has no readable model.json beside it");
    }
    CheckpointLayout.check(params, spec); // DJL believes the sizes in the file: they are checked first
    try (Model model = Model.newInstance(spec.name())) {
      model.setBlock(Blocks.of(spec));
      model.load(dir, name.group(1), Map.of("epoch", Integer.toString(Integer.parseInt(name.group(2)))));
      return of(spec, model);
    } catch (MalformedModelException | RuntimeException e) {
      throw new IllegalArgumentException("the checkpoint " + params + " cannot be read: " + e.getMessage());
    }
  }

  /** The weights of a loaded DJL model of {@code spec}, and its {@code InputMean} and {@code InputStd}. */
  public static Checkpoint of(ModelSpec spec, Model model) {
    List<Map<String, Tensor>> weights = new ArrayList<>();
    for (var child : model.getBlock().getChildren()) {
      Block layer = child.getValue();
      Map<String, Tensor> params = new LinkedHashMap<>();
      for (var p : layer.getParameters()) {
        Parameter parameter = p.getValue();
        if (!parameter.isInitialized()) {
          throw new IllegalArgumentException("the layer " + child.getKey() + " has no value for " + p.getKey());
        }
        var array = parameter.getArray();
        params.put(p.getKey(), new Tensor(array.getShape().getShape(), array.toFloatArray()));
      }
      weights.add(params);
    }
    return new Checkpoint(spec, property(model, "InputMean", 0), property(model, "InputStd", 1), weights);
  }

  private static double property(Model model, String key, double missing) {
    String value = model.getProperty(key);
    return value == null ? missing : Double.parseDouble(value);
  }

  /** The number of parameter values, running statistics of batch norm included. */
  public long params() {
    return weights.stream().flatMap(m -> m.values().stream()).mapToLong(Tensor::size).sum();
  }
}
