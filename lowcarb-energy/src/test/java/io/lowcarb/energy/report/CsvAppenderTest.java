package io.lowcarb.energy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run's row in a file that may be new, ours alone, or shared. */
class CsvAppenderTest {
  @TempDir Path dir;

  Path csv() {
    return dir.resolve("emissions.csv");
  }

  @Test
  void aNewFileGetsTheHeaderAndTheRow() throws IOException {
    CsvAppender.open(csv()).write("row,1");
    assertThat(Files.readString(csv())).isEqualTo(CodeCarbonCsv.HEADER + "\n" + "row,1\n");
  }

  @Test
  void laterWritesReplaceTheRowSoTheRunHasOne() throws IOException {
    CsvAppender out = CsvAppender.open(csv());
    out.write("run,progress-1");
    out.write("run,progress-2-longer");
    out.write("run,end");
    assertThat(Files.readAllLines(csv())).containsExactly(CodeCarbonCsv.HEADER, "run,end");
  }

  @Test
  void aLineAppendedAfterOurRowIsKept() throws IOException {
    CsvAppender out = CsvAppender.open(csv());
    out.write("ours,1");
    Files.writeString(csv(), "theirs,1\n", StandardOpenOption.APPEND);
    out.write("ours,2");
    assertThat(Files.readAllLines(csv())).containsExactly(CodeCarbonCsv.HEADER, "ours,2", "theirs,1");
  }

  @Test
  void whenOurRowIsNoLongerThereTheNextWriteAppendsAndCutsNothing() throws IOException {
    CsvAppender out = CsvAppender.open(csv());
    out.write("ours,1");
    Files.writeString(csv(), CodeCarbonCsv.HEADER + "\nedited by hand\nanother line\n");
    out.write("ours,2");
    assertThat(Files.readAllLines(csv())).containsExactly(CodeCarbonCsv.HEADER, "edited by hand", "another line", "ours,2");
  }

  @Test
  void anExistingCodeCarbonFileIsAppendedTo() throws IOException {
    Files.writeString(csv(), "\uFEFF" + CodeCarbonCsv.HEADER + "\nearlier,run\n");
    CsvAppender.open(csv()).write("this,run");
    assertThat(Files.readAllLines(csv())).endsWith("earlier,run", "this,run");
  }

  @Test
  void aFileAnEarlierVersionBeganKeepsItsHeaderAndGetsRowsOfItsColumns() throws IOException {
    Files.writeString(csv(), CodeCarbonCsv.CODECARBON_HEADER + "\nearlier,run\n");
    CsvAppender out = CsvAppender.open(csv());
    assertThat(out.columns()).isEqualTo(CodeCarbonCsv.CODECARBON_COLUMNS);
    out.write("this,run");
    assertThat(Files.readAllLines(csv())).containsExactly(CodeCarbonCsv.CODECARBON_HEADER, "earlier,run", "this,run");
    assertThat(CsvAppender.open(dir.resolve("new.csv")).columns()).isEqualTo(CodeCarbonCsv.COLUMNS);
  }

  @Test
  void aFileWithAnotherHeaderIsRefusedBeforeAnythingIsWritten() throws IOException {
    Files.writeString(csv(), "timestamp,project_name,run_id\n1,2,3\n");
    assertThatThrownBy(() -> CsvAppender.open(csv()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different header");
    assertThat(Files.readString(csv())).isEqualTo("timestamp,project_name,run_id\n1,2,3\n");
  }

  @Test
  void aDirectoryOrAMissingParentIsRefused() {
    assertThatThrownBy(() -> CsvAppender.open(dir)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CsvAppender.open(dir.resolve("no/such/dir/emissions.csv")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
  }

  @Test
  void anEmptyFileIsTreatedAsNew() throws IOException {
    Files.createFile(csv());
    CsvAppender.open(csv()).write("row,1");
    assertThat(Files.readAllLines(csv())).containsExactly(CodeCarbonCsv.HEADER, "row,1");
  }
}
