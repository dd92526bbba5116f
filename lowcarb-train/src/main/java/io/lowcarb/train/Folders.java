package io.lowcarb.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing scratch folders: staging areas of the dataset cache, checkpoints of tuning trials. */
public final class Folders {
  private Folders() {}

  /** Deletes {@code dir} and everything in it; nothing happens when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
