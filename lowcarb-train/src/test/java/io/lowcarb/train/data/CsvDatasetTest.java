package io.lowcarb.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
  @TempDir Path dir;

  @Test
  void readsFeaturesAndNamedLabels() throws Exception {
    Path csv = dir.resolve("iris.csv");
    Files.writeString(csv, "a,species,b\n1,setosa,2\n3,virginica,4\n5,setosa,6\n");
    LabeledData d = CsvDataset.read(csv, "species");
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.shape()).containsExactly(2);
    assertThat(d.classes()).isEqualTo(2);
    assertThat(d.labels()).containsExactly(0, 1, 0);
    assertThat(d.features()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void namesAMissingLabelColumnAndABadValue() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "x,y\n1,2\n");
    assertThatThrownBy(() -> CsvDataset.read(csv, "label")).hasMessageContaining("has no column 'label'");
    Files.writeString(csv, "x,label\n1,0\nfoo,1\n");
    assertThatThrownBy(() -> CsvDataset.read(csv, "label")).hasMessageContaining("d.csv:3:").hasMessageContaining("'foo'");
  }

  @Test
  void aFileInAnotherEncodingIsNamedWithItsFirstBadByte() throws Exception {
    Path csv = dir.resolve("latin1.csv");
    Files.write(csv, "x,label\n1,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvDataset.read(csv, "label")).isInstanceOf(DatasetFormatException.class)
        .hasMessage(csv + " is not UTF-8 text: byte 13 is not UTF-8 (save it as UTF-8)");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
    Path csv = dir.resolve("excel.csv");
    Files.writeString(csv, "\uFEFFlabel,x\n0,1\n1,2\n");
    assertThat(CsvDataset.read(csv, "label").labels()).containsExactly(0, 1);
  }

  @Test
  void nanAndNumbersBeyondFloatAreRefusedWithTheirLine() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "x,label\n1,0\nNaN,1\n");
    assertThatThrownBy(() -> CsvDataset.read(csv, "label")).hasMessage(csv + ":3: 'NaN' in column 'x' is not a finite number");
    Files.writeString(csv, "x,label\n1e39,0\n");
    assertThatThrownBy(() -> CsvDataset.read(csv, "label")).hasMessage(csv + ":2: '1e39' in column 'x' is not a finite number");
  }

  @Test
  void splitsAreDeterministicAndDisjoint() {
    LabeledData digits = Digits.load();
    Split a = Split.of(digits, 0.2, 7);
    Split b = Split.of(digits, 0.2, 7);
    assertThat(a.test().labels()).containsExactly(b.test().labels());
    assertThat(a.train().size() + a.test().size()).isEqualTo(1797);
    assertThat(a.test().size()).isEqualTo(359);
    assertThat(Split.of(digits, 0.2, 8).test().labels()).isNotEqualTo(a.test().labels());
  }

  @Test
  void aSubsetOfClassesIsRelabelledFromZero() {
    LabeledData digits = Digits.load();
    LabeledData high = digits.classes(5, 9, 100);
    assertThat(high.size()).isEqualTo(100);
    assertThat(high.classes()).isEqualTo(5);
    assertThat(java.util.Arrays.stream(high.labels()).allMatch(l -> l >= 0 && l <= 4)).isTrue();
    assertThat(digits.classes(5, 9, Integer.MAX_VALUE).size())
        .isEqualTo((int) java.util.Arrays.stream(digits.labels()).filter(l -> l >= 5).count());
    assertThatThrownBy(() -> digits.classes(8, 12, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
