package io.lowcarb.energy.estimate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import io.lowcarb.energy.text.CsvResource;

/**
 * The built-in table of CPU models and their TDP ({@code cpu-tdp.csv}), and the lookup of the
 * model that {@code /proc/cpuinfo} names.
 */
public final class CpuTable {
  private static final String RESOURCE = "/io/lowcarb/energy/cpu-tdp.csv";
  private static final List<String> NOISE =
      List.of("(r)", "(tm)", "cpu", "processor", "with", "radeon", "graphics");

  private final List<CpuSpec> rows;
  private final List<String[]> tokens;

  CpuTable(List<CpuSpec> rows) {
    this.rows = List.copyOf(rows);
    this.tokens = this.rows.stream().map(r -> tokenize(r.model())).toList();
  }

  /** The table shipped with lowcarb. */
  public static CpuTable builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final CpuTable BUILT_IN = load();
  }

  private static CpuTable load() {
    // model,tdp_w,cores,source
    return new CpuTable(CsvResource.rows(RESOURCE, 4).stream()
        .map(f -> new CpuSpec(f.get(0), Double.parseDouble(f.get(1)),
            f.get(2).isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f.get(2))), f.get(3)))
        .toList());
  }


  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /**
   * The row whose model name appears, as whole words, in {@code cpuModel}; the longest such name
   * wins. Names without a model number never match, so that a generic "Intel Xeon Processor" is
   * not taken for a specific part.
   */
  public Optional<CpuSpec> find(String cpuModel) {
    String[] model = tokenize(cpuModel);
    CpuSpec best = null;
    int bestLength = 0;
    for (int i = 0; i < rows.size(); i++) {
      String[] name = tokens.get(i);
      if (name.length > bestLength && hasModelNumber(name) && containsRun(model, name)) {
        best = rows.get(i);
        bestLength = name.length;
      }
    }
    return Optional.ofNullable(best);
  }

  static String[] tokenize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int at = lower.indexOf('@');
    if (at >= 0) {
      lower = lower.substring(0, at);
    }
    for (String noise : NOISE) {
      lower = lower.replace(noise, " ");
    }
    return Arrays.stream(lower.split("[\\s,]+"))
        .filter(t -> !t.isEmpty() && !t.matches("\\d+-core"))
        .toArray(String[]::new);
  }

  private static boolean hasModelNumber(String[] tokens) {
    return Arrays.stream(tokens).anyMatch(t -> t.chars().anyMatch(Character::isDigit));
  }

  private static boolean containsRun(String[] haystack, String[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (!haystack[i + j].equals(needle[j])) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
