package io.lowcarb.train.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.train.data.Utf8Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A model as a list of layers. The JSON form, which the compression tools also read:
 *
 * <pre>{@code
 * {"name": "mlp", "layers": [{"type": "flatten"}, {"type": "dense", "units": 128},
 *   {"type": "relu"}, {"type": "dense", "units": 10}]}
 * }</pre>
 *
 * @param name the model's name
 * @param layers the layers, input to output
 */
public record ModelSpec(String name, List<LayerSpec> layers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ModelSpec {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one layer");
    }
  }

  /** A multilayer perceptron: flatten, then one hidden layer of {@code hidden} units with ReLU. */
  public static ModelSpec mlp(int hidden, int classes) {
    return new ModelSpec("mlp", List.of(
        new LayerSpec.Flatten(), new LayerSpec.Dense(hidden), new LayerSpec.Relu(), new LayerSpec.Dense(classes)));
  }

  /** A LeNet-style CNN: two 3x3 convolutions with max pooling, then a dense layer. */
  public static ModelSpec cnn(int classes) {
    return new ModelSpec("cnn", List.of(
        new LayerSpec.Conv2d(32, 3, 1), new LayerSpec.Relu(), new LayerSpec.MaxPool(2),
        new LayerSpec.Conv2d(64, 3, 1), new LayerSpec.Relu(), new LayerSpec.MaxPool(2),
        new LayerSpec.Flatten(), new LayerSpec.Dense(128), new LayerSpec.Relu(), new LayerSpec.Dense(classes)));
  }

  /**
   * Reads a spec file.
   *
   * @throws SpecException naming the file and the layer at fault
   */
  public static ModelSpec read(Path file) throws IOException, SpecException {
    JsonNode root;
    try {
      root = JSON.readTree(Utf8Text.read(file));
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new SpecException(e.getMessage());
    } catch (JsonProcessingException e) {
      // a nesting or length limit of the parser has no location
      throw new SpecException(file + ": not JSON" + (e.getLocation() == null ? ": " + e.getOriginalMessage().lines().findFirst().orElse("")
          : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !root.isObject() || !root.path("layers").isArray()) {
      throw new SpecException(file + ": expected an object with a \"layers\" list");
    }
    List<LayerSpec> layers = new ArrayList<>();
    int i = 0;
    for (JsonNode layer : root.get("layers")) {
      layers.add(layer(file, i++, layer));
    }
    if (layers.isEmpty()) {
      throw new SpecException(file + ": \"layers\" is empty");
    }
    return new ModelSpec(root.path("name").asText(file.getFileName().toString()), layers);
  }

  private static LayerSpec layer(Path file, int index, JsonNode node) throws SpecException {
    String type = node.path("type").asText("");
    String where = file + ": layer " + index + " (" + (type.isEmpty() ? "no type" : type) + ")";
    return switch (type) {
      case "flatten" -> new LayerSpec.Flatten();
      case "relu" -> new LayerSpec.Relu();
      case "batchnorm" -> new LayerSpec.BatchNorm();
      case "dense" -> new LayerSpec.Dense(positive(node, "units", where));
      case "dropout" -> {
        double rate = node.path("rate").asDouble(-1);
        if (!(rate >= 0 && rate < 1)) {
          throw new SpecException(where + ": \"rate\" must be in [0, 1)");
        }
        yield new LayerSpec.Dropout((float) rate);
      }
      case "conv2d" -> new LayerSpec.Conv2d(positive(node, "filters", where), positive(node, "kernel", where),
          node.path("padding").asInt(0));
      case "maxpool" -> new LayerSpec.MaxPool(positive(node, "size", where));
      default -> throw new SpecException(file + ": layer " + index + " has unknown type '" + type + "'; known: "
          + String.join(", ", Set.of("flatten", "dense", "relu", "batchnorm", "dropout", "conv2d", "maxpool").stream().sorted().toList()));
    };
  }

  private static int positive(JsonNode node, String field, String where) throws SpecException {
    JsonNode n = node.path(field);
    // asInt would take 1e309 as Integer.MAX_VALUE and 12.7 as 12
    int value = n.isIntegralNumber() && n.canConvertToInt() ? n.asInt() : 0;
    if (value <= 0) {
      throw new SpecException(where + ": \"" + field + "\" must be a positive integer");
    }
    return value;
  }

  /** The spec as JSON. */
  public String toJson() {
    var root = JSON.createObjectNode().put("name", name);
    var list = root.putArray("layers");
    for (LayerSpec layer : layers) {
      var n = list.addObject();
      switch (layer) {
        case LayerSpec.Flatten f -> n.put("type", "flatten");
        case LayerSpec.Relu r -> n.put("type", "relu");
        case LayerSpec.BatchNorm b -> n.put("type", "batchnorm");
        case LayerSpec.Dense d -> n.put("type", "dense").put("units", d.units());
        case LayerSpec.Dropout d -> n.put("type", "dropout").put("rate", d.rate());
        case LayerSpec.Conv2d c -> n.put("type", "conv2d").put("filters", c.filters()).put("kernel", c.kernel())
            .put("padding", c.padding());
        case LayerSpec.MaxPool p -> n.put("type", "maxpool").put("size", p.size());
      }
    }
    return root.toPrettyString();
  }
}
