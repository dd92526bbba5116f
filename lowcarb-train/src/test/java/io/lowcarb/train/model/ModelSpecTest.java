package io.lowcarb.train.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecTest {
  @TempDir Path dir;

  @Test
  void everyLayerTypeSurvivesAJsonRoundTrip() throws Exception {
    ModelSpec spec = new ModelSpec("all", List.of(new LayerSpec.Conv2d(8, 3, 1), new LayerSpec.BatchNorm(),
        new LayerSpec.Relu(), new LayerSpec.MaxPool(2), new LayerSpec.Flatten(), new LayerSpec.Dropout(0.25f),
        new LayerSpec.Dense(10)));
    Path file = dir.resolve("spec.json");
    Files.writeString(file, spec.toJson());
    assertThat(ModelSpec.read(file)).isEqualTo(spec);
    assertThat(Blocks.of(spec).getChildren().size()).isEqualTo(7);
  }

  @Test
  void badLayersAreNamedByIndex() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"layers\": [{\"type\": \"dense\", \"units\": 0}]}");
    assertThatThrownBy(() -> ModelSpec.read(file)).isInstanceOf(SpecException.class)
        .hasMessageContaining("layer 0 (dense)").hasMessageContaining("\"units\" must be a positive integer");
    Files.writeString(file, "not json");
    assertThatThrownBy(() -> ModelSpec.read(file)).hasMessageContaining("not JSON");
    Files.writeString(file, "{\"layers\": []}");
    assertThatThrownBy(() -> ModelSpec.read(file)).hasMessageContaining("empty");
  }

  @Test
  void unitsMustBeAWholeNumberThatFitsAnInt() throws Exception {
    Path file = dir.resolve("units.json");
    for (String units : List.of("1e309", "12.7", "2147483648", "\"12\"")) {
      Files.writeString(file, "{\"layers\": [{\"type\": \"dense\", \"units\": " + units + "}]}");
      assertThatThrownBy(() -> ModelSpec.read(file)).as(units).isInstanceOf(SpecException.class)
          .hasMessage(file + ": layer 0 (dense): \"units\" must be a positive integer");
    }
  }

  @Test
  void nestingBeyondTheParsersLimitIsNotJsonInOneLine() throws Exception {
    Path file = dir.resolve("deep.json");
    Files.writeString(file, "[".repeat(100_000));
    assertThatThrownBy(() -> ModelSpec.read(file)).isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ": not JSON: ").hasMessageContaining("nesting depth").hasMessageNotContaining("\n");
  }

  @Test
  void aFileInAnotherEncodingIsASpecException() throws Exception {
    Path file = dir.resolve("utf16.json");
    Files.write(file, "{\"layers\": [{\"type\": \"relu\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_16));
    assertThatThrownBy(() -> ModelSpec.read(file)).isInstanceOf(SpecException.class)
        .hasMessage(file + " is not UTF-8 text: byte 0 is not UTF-8 (save it as UTF-8)");
  }
}
