package io.lowcarb.advise.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Picks table entries by name: a name, or a glob with {@code *} and {@code ?}; names compare by a
 * key (for example without case). A pattern that matches nothing fails with the closest names.
 */
public final class NamePatterns {
  private static final int MAX_SUGGESTIONS = 5;

  private NamePatterns() {}

  /**
   * The entries whose key matches the pattern's key, in the order given.
   *
   * @param what what is being chosen, for the error ("hardware", "region")
   * @param pattern a name or glob
   * @param entries the candidates
   * @param name an entry's name as shown
   * @param key the comparison key of a name
   * @throws UnknownNameException when nothing matches
   */
  public static <T> List<T> select(String what, String pattern, List<T> entries, Function<T, String> name,
      Function<String, String> key) {
    return selectAliased(what, pattern, entries, e -> List.of(name.apply(e)), key);
  }

  /**
   * As {@link #select(String, String, List, Function, Function)}, for entries known by several
   * names (the first is the one shown): an entry matches when any of its names does.
   */
  public static <T> List<T> selectAliased(String what, String pattern, List<T> entries, AliasesOf<T> names,
      Function<String, String> key) {
    Pattern glob = glob(key.apply(pattern));
    List<T> found = entries.stream()
        .filter(e -> names.of(e).stream().anyMatch(n -> glob.matcher(key.apply(n)).matches()))
        .toList();
    if (found.isEmpty()) {
      throw new UnknownNameException(what, pattern,
          closest(pattern, entries.stream().map(e -> names.of(e).getFirst()).toList(), key));
    }
    return found;
  }

  /** The names an entry is known by, the one to show first. */
  @FunctionalInterface
  public interface AliasesOf<T> {
    List<String> of(T entry);
  }

  /** A glob's key as a regular expression: {@code *} any run, {@code ?} one character. */
  static Pattern glob(String keyed) {
    StringBuilder regex = new StringBuilder();
    for (char c : keyed.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * The names closest to {@code wanted}, best first: those that contain it or start alike, then
   * those within an edit distance of a third of its length.
   */
  public static List<String> closest(String wanted, List<String> names, Function<String, String> key) {
    String w = key.apply(wanted).replace("*", "").replace("?", "");
    record Scored(String name, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String n : names) {
      String k = key.apply(n);
      String bare = k.contains(":") ? k.substring(k.indexOf(':') + 1) : k;
      int distance = Math.min(Levenshtein.distance(w, k), Levenshtein.distance(w, bare));
      boolean contained = !w.isEmpty() && (k.contains(w) || w.contains(bare));
      if (contained || distance <= Math.max(2, w.length() / 3)) {
        scored.add(new Scored(n, distance));
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.name().toLowerCase(Locale.ROOT)))
        .limit(MAX_SUGGESTIONS)
        .map(Scored::name)
        .toList();
  }
}
