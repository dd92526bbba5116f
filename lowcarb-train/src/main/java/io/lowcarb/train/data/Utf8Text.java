package io.lowcarb.train.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file read as UTF-8, strictly: a file in another encoding (Latin-1, UTF-16) is refused with
 * the offset of its first byte that is not UTF-8, rather than read as the wrong text. A leading
 * byte-order mark, as spreadsheets write, is dropped.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /** A file that is not UTF-8 text; the message names it and the byte. */
  public static final class NotUtf8Exception extends Exception {
    NotUtf8Exception(String message) {
      super(message);
    }
  }

  /**
   * The file's text.
   *
   * @throws NotUtf8Exception naming the file and the offset of the first byte that is not UTF-8
   */
  public static String read(Path file) throws IOException, NotUtf8Exception {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new NotUtf8Exception(file + " is not UTF-8 text: byte " + in.position() + " is not UTF-8 (save it as UTF-8)");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
