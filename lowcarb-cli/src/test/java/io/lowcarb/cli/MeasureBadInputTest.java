package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line on stderr and exit status 2, before anything runs. */
class MeasureBadInputTest {
  @TempDir Path dir;

  private static void assertOneLineUsageError(Cli.Result r, String expected) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as("one line").hasSize(1);
    assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownZone() {
    assertOneLineUsageError(Cli.inProcess("measure", "--zone", "XX-NOWHERE", "--", "true"), "unknown zone 'XX-NOWHERE'");
  }

  @Test
  void negativeIntensity() {
    assertOneLineUsageError(Cli.inProcess("measure", "--intensity", "-5", "--", "true"), "--intensity must be");
  }

  @Test
  void notANumber() {
    assertOneLineUsageError(Cli.inProcess("measure", "--intensity", "lots", "--", "true"), "'lots'");
  }

  @Test
  void pueBelowOne() {
    assertOneLineUsageError(Cli.inProcess("measure", "--pue", "0.8", "--", "true"), "--pue must be a number >= 1");
  }

  @Test
  void missingDoubleDash() {
    assertOneLineUsageError(Cli.inProcess("measure", "sleep", "1"), "put the command to measure after '--'");
  }

  @Test
  void nothingAfterDoubleDash() {
    assertOneLineUsageError(Cli.inProcess("measure", "--"), "no command after '--'");
  }

  @Test
  void malformedSeriesFileNamesTheLine() throws IOException {
    Path series = dir.resolve("bad.csv");
    Files.writeString(series, "time,g_per_kwh\n2026-01-01T00:00:00Z,120\n2026-01-01T01:00:00Z,abc\n");
    assertOneLineUsageError(Cli.inProcess("measure", "--series", series.toString(), "--", "true"), "bad.csv:3:");
  }

  @Test
  void seriesThatDoesNotCoverNow() throws IOException {
    Path series = dir.resolve("old.csv");
    Files.writeString(series, "time,g_per_kwh\n2021-01-01T00:00:00Z,120\n2021-01-01T01:00:00Z,130\n");
    assertOneLineUsageError(Cli.inProcess("measure", "--series", series.toString(), "--", "true"), "not now");
  }

  @Test
  void unknownOption() {
    assertOneLineUsageError(Cli.inProcess("measure", "--frobnicate", "--", "true"), "--frobnicate");
  }

  @Test
  void badDuration() {
    assertOneLineUsageError(Cli.inProcess("measure", "--flush-every", "soon", "--", "true"), "'soon' is not a duration");
  }

  @Test
  void aCsvWithAnotherHeaderIsLeftAlone() throws IOException {
    Path csv = dir.resolve("theirs.csv");
    String theirs = "a,b,c\n1,2,3\n";
    Files.writeString(csv, theirs);
    assertOneLineUsageError(Cli.inProcess("measure", "--csv", csv.toString(), "--", "true"), "different header");
    assertThat(Files.readString(csv)).isEqualTo(theirs);
  }
}
