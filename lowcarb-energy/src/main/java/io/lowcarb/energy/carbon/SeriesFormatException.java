package io.lowcarb.energy.carbon;

import java.nio.file.Path;

/** A time series file that cannot be read as one; the message names the file and line. */
public final class SeriesFormatException extends Exception {
  public SeriesFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
  }
}
