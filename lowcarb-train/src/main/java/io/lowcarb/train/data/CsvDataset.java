package io.lowcarb.train.data;

import io.lowcarb.energy.text.SimpleCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A CSV file with a header: one column is the label (named), every other column a numeric feature.
 * Labels may be numbers or names; classes are numbered in sorted order of their names.
 */
public final class CsvDataset {
  private CsvDataset() {}

  /** Reads {@code file} with the labels in column {@code labelColumn}. */
  public static LabeledData read(Path file, String labelColumn) throws IOException, DatasetFormatException {
    List<String> lines;
    try {
      lines = Utf8Text.read(file).lines().toList();
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new DatasetFormatException(e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new DatasetFormatException(file + " is empty");
    }
    List<String> header = SimpleCsv.split(lines.getFirst());
    int label = header.indexOf(labelColumn);
    if (label < 0) {
      throw new DatasetFormatException(file + " has no column '" + labelColumn + "' (columns: " + String.join(", ", header) + ")");
    }
    int width = header.size() - 1;
    List<float[]> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> f = SimpleCsv.split(lines.get(n));
      if (f.size() != header.size()) {
        throw new DatasetFormatException(file + ":" + (n + 1) + ": " + f.size() + " fields, the header has " + header.size());
      }
      float[] row = new float[width];
      int j = 0;
      for (int i = 0; i < f.size(); i++) {
        if (i == label) {
          continue;
        }
        float value;
        try {
          value = Float.parseFloat(f.get(i).trim());
        } catch (NumberFormatException e) {
          throw new DatasetFormatException(file + ":" + (n + 1) + ": '" + f.get(i) + "' in column '" + header.get(i) + "' is not a number");
        }
        if (!Float.isFinite(value)) {
          // NaN or an overflow to Infinity would spread through every weight of the first training step
          throw new DatasetFormatException(file + ":" + (n + 1) + ": '" + f.get(i) + "' in column '" + header.get(i)
              + "' is not a finite number");
        }
        row[j++] = value;
      }
      rows.add(row);
      names.add(f.get(label).trim());
    }
    if (rows.isEmpty()) {
      throw new DatasetFormatException(file + " has no rows");
    }
    TreeMap<String, Integer> classes = new TreeMap<>(CsvDataset::compareLabels);
    names.forEach(name -> classes.putIfAbsent(name, 0));
    int k = 0;
    for (var e : classes.entrySet()) {
      e.setValue(k++);
    }
    float[] x = new float[rows.size() * width];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, x, i * width, width);
      y[i] = classes.get(names.get(i));
    }
    return new LabeledData(file.getFileName().toString(), x, y, new long[] {width}, classes.size());
  }

  private static int compareLabels(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
