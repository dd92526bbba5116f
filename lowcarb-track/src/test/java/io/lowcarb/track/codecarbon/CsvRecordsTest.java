package io.lowcarb.track.codecarbon;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.report.CodeCarbonCsv;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  @Test
  void lineEndsOfEveryKindAndTheLineEachRecordStartsOn() {
    List<CsvRecords.Record> r = CsvRecords.split("a,b\r\n1,\"x\r\ny\"\n\n2,3\r4,5");
    assertThat(r).extracting(CsvRecords.Record::fields).containsExactly(
        List.of("a", "b"), List.of("1", "x\r\ny"), List.of(""), List.of("2", "3"), List.of("4", "5"));
    assertThat(r).extracting(CsvRecords.Record::line).containsExactly(1, 2, 4, 5, 6);
    assertThat(r.get(1).lastLine()).isEqualTo(3);
    assertThat(r.get(2).blank()).isTrue();
  }

  @Test
  void quotesCommasAndEmptyFields() {
    assertThat(CsvRecords.split("\"a, b\",\"say \"\"hi\"\"\",,\"\"\n").getFirst().fields())
        .containsExactly("a, b", "say \"hi\"", "", "");
  }

  @Test
  void aQuoteNeverClosedRunsToTheEnd() {
    List<CsvRecords.Record> r = CsvRecords.split("a,b\n1,\"x\n2,3\n");
    assertThat(r).hasSize(2);
    assertThat(r.get(1).unclosedQuote()).isTrue();
    assertThat(r.get(1).line()).isEqualTo(2);
    assertThat(r.get(1).lastLine()).isEqualTo(3);
    assertThat(r.get(1).blank()).isFalse();
  }

  /** Whatever the fields, what lowcarb's CSV writer escapes reads back the same, with either line end. */
  @Property
  void whatTheWriterEscapesReadsBack(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) String> fields, @ForAll boolean crlf) {
    List<String> clean = fields.stream().map(f -> f.replace("\r", "")).toList();
    String line = String.join(",", clean.stream().map(CodeCarbonCsv::escape).toList());
    String end = crlf ? "\r\n" : "\n";
    List<CsvRecords.Record> r = CsvRecords.split(line + end + line + end);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).fields()).isEqualTo(clean);
    assertThat(r.get(1).fields()).isEqualTo(clean);
  }
}
