package io.lowcarb.energy.rapl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a sysfs file; the seam where tests refuse access the way the kernel does for non-root users. */
@FunctionalInterface
public interface SysfsReader {
  /** The real file system. */
  SysfsReader FILES = Files::readString;

  /** The file's whole content. */
  String read(Path file) throws IOException;
}
