package io.lowcarb.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a dataset name or file to a train/test split. */
public final class Datasets {
  private Datasets() {}

  /**
   * {@code digits} (embedded), {@code mnist} or {@code fashion-mnist} (cached, their official
   * split), or a CSV file (label column {@code label}).
   *
   * @param testFraction for digits and CSV files: the share held out for testing
   * @throws DatasetFormatException for a missing or unreadable dataset, naming the fix
   */
  public static Split load(String dataset, String labelColumn, double testFraction, long seed, DatasetCache cache)
      throws IOException, DatasetFormatException {
    switch (dataset) {
      case "digits" -> {
        return Split.of(Digits.load(), testFraction, seed);
      }
      case "mnist", "fashion-mnist" -> {
        DatasetSource source = dataset.equals("mnist") ? DatasetSource.MNIST : DatasetSource.FASHION_MNIST;
        Path dir = cache.cached(source).orElseThrow(() -> new DatasetFormatException(
            dataset + " is not in the cache (" + cache.root() + "): run 'lowcarb datasets fetch " + dataset + "'"));
        String gz = source.kind() == DatasetSource.Kind.DEBIAN ? ".gz" : "";
        LabeledData train = IdxFiles.read(dataset, dir.resolve("train-images-idx3-ubyte" + gz), dir.resolve("train-labels-idx1-ubyte" + gz));
        LabeledData test = IdxFiles.read(dataset, dir.resolve("t10k-images-idx3-ubyte" + gz), dir.resolve("t10k-labels-idx1-ubyte" + gz));
        return new Split(train, test);
      }
      default -> {
        Path file = Path.of(dataset);
        if (!Files.isRegularFile(file)) {
          throw new DatasetFormatException("unknown dataset '" + dataset + "': give digits, mnist, fashion-mnist or a CSV file");
        }
        return Split.of(CsvDataset.read(file, labelColumn), testFraction, seed);
      }
    }
  }
}
