package io.lowcarb.schedule.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.report.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Provider responses on disk, one JSON file per URL named by the URL's SHA-256, holding the URL,
 * the fetch time and the body. Files are replaced atomically, so readers see an old answer or a
 * new one, never half. Headers (where tokens live) are never stored.
 */
final class ResponseCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger(ResponseCache.class.getName());

  private final Path dir;

  ResponseCache(Path dir) {
    this.dir = dir;
  }

  /** The file for {@code uri}: {@code <sha256 of the URL>.json}. */
  Path file(URI uri) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(hash) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The cached response for {@code uri}, if there is a readable one. */
  Optional<Fetched> read(URI uri) {
    Path file = file(uri);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (!uri.toString().equals(root.path("url").asText())) {
        return Optional.empty();
      }
      return Optional.of(new Fetched(root.get("body").asText(), Instant.parse(root.get("fetchedAt").asText()), false));
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring unreadable cached response " + file + ": " + firstLine(e));
      return Optional.empty();
    }
  }

  /** Stores {@code body}; a cache that cannot be written costs a warning, never the answer. */
  void write(URI uri, String body, Instant fetchedAt) {
    Path file = file(uri);
    ObjectNode root = JSON.createObjectNode();
    root.put("url", uri.toString());
    root.put("fetchedAt", fetchedAt.toString());
    root.put("body", body);
    try {
      Files.createDirectories(dir);
      AtomicFile.write(file, out -> out.write(JSON.writeValueAsBytes(root)));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not cache a response in " + dir + ": " + firstLine(e));
    }
  }

  private static String firstLine(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
  }
}
