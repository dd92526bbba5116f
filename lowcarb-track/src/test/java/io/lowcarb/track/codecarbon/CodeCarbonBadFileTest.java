package io.lowcarb.track.codecarbon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Files that are no emissions.csv are refused whole, with one line that names the file. */
class CodeCarbonBadFileTest {
  private static void refused(byte[] content, String message) {
    assertThatThrownBy(() -> CodeCarbonImport.read(content, "f.csv", ZoneOffset.UTC))
        .isInstanceOf(CodeCarbonFormatException.class)
        .hasMessage(message)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static void refused(String content, String message) {
    refused(content.getBytes(StandardCharsets.UTF_8), message);
  }

  @Test
  void anEmptyFile() {
    refused("", "f.csv is empty: not a CodeCarbon emissions.csv");
    refused("\n\r\n  \n", "f.csv is empty: not a CodeCarbon emissions.csv");
    refused("\uFEFF", "f.csv is empty: not a CodeCarbon emissions.csv");
  }

  @Test
  void aHeaderWithoutRows() {
    refused(CodeCarbonImportTestHeaders.V3 + "\r\n", "f.csv has a header but no rows: nothing to import");
    refused(CodeCarbonImportTestHeaders.V3 + "\n,,,,\n\n", "f.csv has a header but no rows: nothing to import");
  }

  @Test
  void aCsvOfSomethingElseNamesTheColumnsItLacks() {
    refused("time,energy,duration\n1,2,3\n", "f.csv is not a CodeCarbon emissions.csv: no timestamp column");
    refused("timestamp,emissions\n2021-01-01T00:00:00,1\n",
        "f.csv is not a CodeCarbon emissions.csv: no duration or energy_consumed column");
    refused("name,value\na,1\n",
        "f.csv is not a CodeCarbon emissions.csv: no timestamp, duration or energy_consumed column");
    refused("{\"runs\": [{\"timestamp\": 1}]}\n",
        "f.csv is not a CodeCarbon emissions.csv: no timestamp, duration or energy_consumed column");
  }

  @Test
  void aColumnTwice() {
    refused("timestamp,duration,Duration\n2021-01-01T00:00:00,1,2\n", "f.csv line 1: column duration appears twice");
  }

  @Test
  void binaryGarbage() {
    byte[] garbage = new byte[512];
    new java.util.Random(7).nextBytes(garbage);
    garbage[100] = 0;
    refused(garbage, "f.csv is a binary file, not a CSV");
    refused(new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 0}, "f.csv is gzip-compressed, not a CSV: decompress it first");
    refused(new byte[] {'P', 'K', 3, 4, 20, 0}, "f.csv is a zip archive (an Excel workbook?), not a CSV: save it as CSV");
    refused("timestamp,duration\n".getBytes(StandardCharsets.UTF_16LE), "f.csv is a binary file, not a CSV");
    byte[] utf16 = ("\uFEFF" + "timestamp,duration\n").getBytes(StandardCharsets.UTF_16LE);
    refused(utf16, "f.csv is UTF-16 text: save it as UTF-8 CSV");
  }

  @Test
  void randomBytesWithoutNulAreNotACodeCarbonFile() {
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 50; i++) {
      byte[] b = new byte[1 + random.nextInt(300)];
      random.nextBytes(b);
      for (int j = 0; j < b.length; j++) {
        b[j] = b[j] == 0 ? 1 : b[j];
      }
      assertThatThrownBy(() -> CodeCarbonImport.read(b, "f.csv", ZoneOffset.UTC))
          .isInstanceOf(CodeCarbonFormatException.class)
          .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith("f.csv "));
    }
  }
}
