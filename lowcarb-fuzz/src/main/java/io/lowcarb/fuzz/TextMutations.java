package io.lowcarb.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutations of text formats: numbers that are not, other encodings, deep nesting, a giant line. */
final class TextMutations {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  /** What each of the first numbers of a sample is replaced with, one at a time. */
  static final List<String> NUMBERS = List.of("NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-400",
      "99999999999999999999999999", "2147483648", "-1", "0", "0x10", "");

  private static final int NUMBERS_REPLACED = 6;

  private TextMutations() {}

  static List<FuzzInput> numbers(String text, String of) {
    List<FuzzInput> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    int replaced = 0;
    while (m.find() && replaced++ < NUMBERS_REPLACED) {
      for (String n : NUMBERS) {
        String t = text.substring(0, m.start()) + n + text.substring(m.end());
        out.add(new FuzzInput("'" + m.group() + "' at " + m.start() + " of " + of + " as '" + n + "'", utf8(t)));
      }
    }
    return out;
  }

  static List<FuzzInput> encodings(String text, String of) {
    String accented = text.replaceFirst("[A-Za-z]", "é");
    byte[] utf8 = utf8(text);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    byte[] nul = utf8.clone();
    nul[nul.length / 2] = 0;
    byte[] badUtf8 = utf8.clone();
    badUtf8[badUtf8.length / 2] = (byte) 0xC3;
    if (badUtf8.length > badUtf8.length / 2 + 1) {
      badUtf8[badUtf8.length / 2 + 1] = (byte) 0x28; // 0xC3 0x28: an invalid two-byte sequence
    }
    return List.of(
        new FuzzInput(of + " in UTF-16 with a byte-order mark", text.getBytes(StandardCharsets.UTF_16)),
        new FuzzInput(of + " in UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE)),
        new FuzzInput(of + " in Latin-1 with an accented letter", accented.getBytes(StandardCharsets.ISO_8859_1)),
        new FuzzInput(of + " in UTF-8 with a byte-order mark", bom),
        new FuzzInput(of + " with a NUL byte", nul),
        new FuzzInput(of + " with an invalid UTF-8 sequence", badUtf8),
        new FuzzInput(of + " with CRLF line ends", utf8(text.replace("\n", "\r\n"))));
  }

  /** Deep nesting (stack depth) and one line of a megabyte. */
  static List<FuzzInput> shapes(String text, String of) {
    return List.of(
        new FuzzInput("100,000 nested [", utf8("[".repeat(100_000))),
        new FuzzInput("100,000 nested {\"a\":", utf8("{\"a\":".repeat(100_000))),
        new FuzzInput("100,000 nested '- '", utf8("- ".repeat(100_000))),
        new FuzzInput(of + " with a 1 MiB line first", utf8("9".repeat(1 << 20) + "\n" + text)));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
