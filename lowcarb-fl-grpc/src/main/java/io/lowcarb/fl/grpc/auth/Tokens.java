package io.lowcarb.fl.grpc.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clients allowed to join and their secrets. A token is compared as a SHA-256 digest, in
 * constant time, with every known token, so neither its content, its length nor which client it
 * belongs to leaks through timing.
 */
public final class Tokens {
  private record Entry(String client, byte[] digest) {}

  private final List<Entry> entries;

  private Tokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a tokens file: one {@code CLIENT-ID TOKEN} per line; blank lines and lines starting with
   * {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the file and line at fault, or a file without tokens
   */
  public static Tokens read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses the lines of a tokens file; {@code source} names it in messages. */
  public static Tokens parse(List<String> lines, String source) {
    List<Entry> entries = new ArrayList<>();
    Set<String> clients = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      String where = source + " line " + (i + 1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(where + ": expected 'CLIENT-ID TOKEN'");
      }
      if (!clients.add(parts[0])) {
        throw new IllegalArgumentException(where + ": client '" + parts[0] + "' is listed twice");
      }
      if (!tokens.add(parts[1])) {
        throw new IllegalArgumentException(where + ": the token of '" + parts[0] + "' is another client's too");
      }
      entries.add(new Entry(parts[0], sha256(parts[1])));
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(source + " lists no client: write one 'CLIENT-ID TOKEN' per line");
    }
    return new Tokens(entries);
  }

  /** The client that {@code token} belongs to, or empty for an unknown token. */
  public Optional<String> client(String token) {
    byte[] digest = sha256(token);
    String found = null;
    for (Entry e : entries) {
      // every entry is compared, whatever matched before
      if (MessageDigest.isEqual(e.digest(), digest) && found == null) {
        found = e.client();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The client ids, in file order. */
  public List<String> clients() {
    return entries.stream().map(Entry::client).toList();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
