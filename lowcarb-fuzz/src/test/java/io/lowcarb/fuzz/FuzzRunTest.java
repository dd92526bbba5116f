package io.lowcarb.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzRunTest {
  @TempDir Path scratch;

  /** A length-prefixed record: a 4-byte count, then that many bytes. */
  private static final byte[] SAMPLE = ByteBuffer.allocate(12).putInt(8).put("abcdefgh".getBytes(StandardCharsets.US_ASCII)).array();

  static final class FormatException extends Exception {
    FormatException(String message) {
      super(message);
    }
  }

  /** Checks the claimed length against the file before allocating. */
  private static void careful(Path file) throws IOException, FormatException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 4) {
      throw new FormatException(file + " is truncated at byte " + all.length);
    }
    int n = ByteBuffer.wrap(all).getInt();
    if (n < 0 || n > all.length - 4) {
      throw new FormatException(file + " claims " + n + " bytes at byte 0, the file holds " + (all.length - 4));
    }
  }

  /** Believes the claim. */
  private static void credulous(Path file) throws IOException {
    var in = new java.io.DataInputStream(Files.newInputStream(file));
    byte[] body = new byte[in.readInt()];
    in.readFully(body);
  }

  @Test
  void aCarefulReaderPassesEveryInput() {
    Target t = Target.of("careful", "record.bin", FuzzRunTest::careful, FormatException.class).samples(SAMPLE)
        .extra(new FuzzInput("2^31-1 claimed", ByteBuffer.allocate(104).putInt(Integer.MAX_VALUE).array()));
    Outcome o = FuzzRun.run(t, scratch).assertClean();
    assertThat(o.inputs()).isGreaterThan(40);
    assertThat(o.read()).isPositive();
    assertThat(o.refused()).isPositive();
  }

  @Test
  void aReaderThatBelievesAClaimOrThrowsOtherExceptionsFails() {
    Target t = Target.of("credulous", "record.bin", FuzzRunTest::credulous, FormatException.class).samples(SAMPLE)
        .extra(new FuzzInput("256 MiB claimed", ByteBuffer.allocate(104).putInt(256 << 20).array()));
    Outcome o = FuzzRun.run(t, scratch);
    assertThat(o.failures()).anyMatch(f -> f.contains("256 MiB claimed") && f.contains("KiB of heap"));
    assertThat(o.failures()).anyMatch(f -> f.contains("threw java.io.EOFException"));
    assertThatThrownBy(o::assertClean).isInstanceOf(AssertionError.class).hasMessageContaining("failed");
  }

  @Test
  void aMessageMustBeOneLineNamingTheFile() {
    Target vague = Target.of("vague", "x.txt", f -> {
      throw new FormatException("bad input");
    }, FormatException.class).samples(SAMPLE);
    assertThat(FuzzRun.run(vague, List.of(new FuzzInput("any", SAMPLE)), scratch).failures())
        .singleElement().asString().contains("does not name the file");
    Target verbose = Target.of("verbose", "x.txt", f -> {
      throw new FormatException(f + " is bad\nat line 2");
    }, FormatException.class);
    assertThat(FuzzRun.run(verbose, List.of(new FuzzInput("any", SAMPLE)), scratch).failures())
        .singleElement().asString().contains("several lines");
  }

  @Test
  void aFileLeftBesideTheInputFails() {
    Target writer = Target.of("writer", "in.txt", f -> Files.writeString(f.resolveSibling("out.txt"), "partial"));
    assertThat(FuzzRun.run(writer, List.of(new FuzzInput("any", SAMPLE)), scratch).failures())
        .singleElement().asString().contains("left [out.txt] behind");
  }

  @Test
  void theCorpusIsTheSameOnEveryRun() {
    Target t = Target.of("text", "a.csv", f -> {}).samples("a,b\n1,2.5\n".getBytes(StandardCharsets.UTF_8)).text();
    List<FuzzInput> first = Corpus.of(t);
    List<FuzzInput> second = Corpus.of(t);
    assertThat(first).hasSameSizeAs(second);
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).bytes()).as(first.get(i).label()).isEqualTo(second.get(i).bytes());
    }
    assertThat(first).extracting(FuzzInput::label)
        .anyMatch(l -> l.contains("as 'NaN'")).anyMatch(l -> l.contains("UTF-16")).anyMatch(l -> l.contains("truncated"))
        .anyMatch(l -> l.equals("empty")).anyMatch(l -> l.startsWith("random bytes"));
  }
}
