package io.lowcarb.fuzz;

/**
 * One input of a corpus.
 *
 * @param label how it was made, such as {@code truncated at 17 of sample 0}, for failure messages
 * @param bytes its content
 */
public record FuzzInput(String label, byte[] bytes) {
  @Override
  public String toString() {
    return label + " (" + bytes.length + " bytes)";
  }
}
