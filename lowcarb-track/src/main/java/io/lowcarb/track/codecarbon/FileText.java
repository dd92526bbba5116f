package io.lowcarb.track.codecarbon;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a file that should be a CSV. UTF-8 (with or without a byte order mark) is what
 * CodeCarbon writes through pandas; CodeCarbon 1.x wrote through Python's {@code open()}, in the
 * platform's encoding, which on Windows is windows-1252: a file that is not valid UTF-8 is read as
 * that. Files that are not text at all are named for what they are.
 */
final class FileText {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private FileText() {}

  /**
   * The text of {@code bytes}, without a byte order mark.
   *
   * @param name the file, for messages
   * @throws CodeCarbonFormatException when it is not text
   */
  static String decode(byte[] bytes, String name) throws CodeCarbonFormatException {
    if (starts(bytes, 0x1f, 0x8b)) {
      throw new CodeCarbonFormatException(name + " is gzip-compressed, not a CSV: decompress it first");
    }
    if (starts(bytes, 'P', 'K', 3, 4)) {
      throw new CodeCarbonFormatException(name + " is a zip archive (an Excel workbook?), not a CSV: save it as CSV");
    }
    if (starts(bytes, 0xff, 0xfe) || starts(bytes, 0xfe, 0xff)) {
      throw new CodeCarbonFormatException(name + " is UTF-16 text: save it as UTF-8 CSV");
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new CodeCarbonFormatException(name + " is a binary file, not a CSV");
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      text = new String(bytes, WINDOWS_1252);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
