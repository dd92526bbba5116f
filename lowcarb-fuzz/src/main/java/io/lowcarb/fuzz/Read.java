package io.lowcarb.fuzz;

import java.nio.file.Path;

/** A reader under test: reads {@code file} as the real code path does, returning normally or throwing. */
@FunctionalInterface
public interface Read {
  void read(Path file) throws Exception;
}
