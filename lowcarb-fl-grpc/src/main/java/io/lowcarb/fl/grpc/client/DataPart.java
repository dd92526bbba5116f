package io.lowcarb.fl.grpc.client;

import io.lowcarb.fl.partition.Partition;
import io.lowcarb.train.data.LabeledData;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of the training data a client holds: part {@code index} (1-based) of {@code parts},
 * as {@link Partition} splits it with the federation's seed, so that the clients' parts are
 * disjoint without any of them seeing the others'.
 */
public record DataPart(int index, int parts) {
  private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

  public DataPart {
    if (parts < 1 || index < 1 || index > parts) {
      throw new IllegalArgumentException("the part must be i/N with 1 <= i <= N, got " + index + "/" + parts);
    }
  }

  /**
   * Reads {@code i/N}.
   *
   * @throws IllegalArgumentException naming the accepted form
   */
  public static DataPart parse(String spec) {
    Matcher m = FORM.matcher(spec == null ? "" : spec.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("the part must look like i/N (e.g. 2/3), got '" + spec + "'");
    }
    try {
      return new DataPart(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the part must look like i/N (e.g. 2/3), got '" + spec + "'");
    }
  }

  /** This part of {@code train}, split by {@code partition} with {@code seed}. */
  public LabeledData of(LabeledData train, Partition partition, long seed) {
    int[] indices = partition.split(train.labels(), train.classes(), parts, seed).get(index - 1);
    return train.select(indices, "part " + this);
  }

  @Override
  public String toString() {
    return index + "/" + parts;
  }
}
