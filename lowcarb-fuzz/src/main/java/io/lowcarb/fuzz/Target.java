package io.lowcarb.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One reader under test: how to run it, the exceptions that are its clear answer to bad input, its
 * valid samples and what else to try. Adding a reader to a module's fuzz test is one such entry:
 *
 * <pre>{@code
 * Target.of("IDX labels", "labels-idx1-ubyte", f -> IdxFiles.labels(f), DatasetFormatException.class)
 *     .samples(validLabels())
 *     .extra(new FuzzInput("2^31 labels claimed", header(0x801, Integer.MAX_VALUE)))
 *     .seedFolder(Path.of("src/test/resources/fuzz/idx"))
 * }</pre>
 */
public final class Target {
  /** Heap a single read may allocate whatever the input, bytes; the input's size adds to it. */
  public static final long DEFAULT_HEAP = 64L << 20;

  private final String name;
  private final String fileName;
  private final Read read;
  private final List<Class<? extends Throwable>> clear;
  private final List<byte[]> samples = new ArrayList<>();
  private final List<FuzzInput> extra = new ArrayList<>();
  private boolean text;
  private boolean namesFile = true;
  private long heap = DEFAULT_HEAP;
  private long heapPerInputByte = 16;
  private Path seedFolder;
  private final java.util.Map<String, byte[]> beside = new java.util.LinkedHashMap<>();

  private Target(String name, String fileName, Read read, List<Class<? extends Throwable>> clear) {
    this.name = name;
    this.fileName = fileName;
    this.read = read;
    this.clear = List.copyOf(clear);
  }

  /**
   * @param name the reader, as the report names it
   * @param fileName the name the input is written under (some readers go by the name)
   * @param read runs the reader on the file
   * @param clear the exception types that are the reader's clear answer (the CLI turns them into one line)
   */
  @SafeVarargs
  public static Target of(String name, String fileName, Read read, Class<? extends Throwable>... clear) {
    return new Target(name, fileName, read, Arrays.asList(clear));
  }

  /** Valid inputs the corpus is made from. */
  public Target samples(byte[]... valid) {
    samples.addAll(Arrays.asList(valid));
    return this;
  }

  /** Inputs of the reader's own, such as a header that claims more than the file holds. */
  public Target extra(FuzzInput... inputs) {
    extra.addAll(Arrays.asList(inputs));
    return this;
  }

  /** Inputs of the reader's own. */
  public Target extra(List<FuzzInput> inputs) {
    extra.addAll(inputs);
    return this;
  }

  /** A text format: numbers, encodings and nesting are tried too. */
  public Target text() {
    this.text = true;
    return this;
  }

  /** The answer need not name the file: payloads and requests have none. */
  public Target anonymous() {
    this.namesFile = false;
    return this;
  }

  /** Heap a read may allocate: {@code fixed} bytes plus {@code perInputByte} per byte of input. */
  public Target heap(long fixed, long perInputByte) {
    this.heap = fixed;
    this.heapPerInputByte = perInputByte;
    return this;
  }

  /** A valid file written beside each input before the read, such as the labels of an images file. */
  public Target beside(String fileName, byte[] content) {
    beside.put(fileName, content.clone());
    return this;
  }

  /** A folder of hand-made files, each one more input. */
  public Target seedFolder(Path dir) {
    this.seedFolder = dir;
    return this;
  }

  public String name() {
    return name;
  }

  public String fileName() {
    return fileName;
  }

  Read read() {
    return read;
  }

  List<Class<? extends Throwable>> clear() {
    return clear;
  }

  List<byte[]> samples() {
    return List.copyOf(samples);
  }

  List<FuzzInput> extra() {
    return List.copyOf(extra);
  }

  boolean isText() {
    return text;
  }

  boolean namesFile() {
    return namesFile;
  }

  long heapBound(int inputBytes) {
    return heap + heapPerInputByte * inputBytes;
  }

  java.util.Map<String, byte[]> besideFiles() {
    return java.util.Collections.unmodifiableMap(beside);
  }

  Optional<Path> seedFolder() {
    return Optional.ofNullable(seedFolder);
  }
}
