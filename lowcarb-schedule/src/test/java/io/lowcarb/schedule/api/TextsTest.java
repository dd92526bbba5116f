package io.lowcarb.schedule.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void timesAreIsoWithOrWithoutAnOffsetOrABareDate() {
    Instant t = Instant.parse("2023-06-01T10:00:00Z");
    assertThat(Texts.instant("time", "2023-06-01T10:00:00Z")).isEqualTo(t);
    assertThat(Texts.instant("time", "2023-06-01T12:00:00+02:00")).isEqualTo(t);
    assertThat(Texts.instant("time", "2023-06-01T12:00:00 02:00")).isEqualTo(t); // '+' sent unescaped
    assertThat(Texts.instant("time", "2023-06-01T05:00-05:00")).isEqualTo(t);
    assertThat(Texts.instant("time", "2023-06-01T10:00:00")).isEqualTo(t);
    assertThat(Texts.instant("time", "2023-06-01 10:00:00")).isEqualTo(t);
    assertThat(Texts.instant("time", "2023-06-01")).isEqualTo(Instant.parse("2023-06-01T00:00:00Z"));
    assertThat(Texts.instant("time", "2023-06-01T10:00:00.250Z")).isEqualTo(t.plusMillis(250));
    assertThatThrownBy(() -> Texts.instant("toTime", "June 1st"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'June 1st' is not valid for toTime");
  }

  @Test
  void durationsAreIsoOrShort() {
    assertThat(Texts.duration("d", "PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(Texts.duration("d", "pt90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Texts.duration("d", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Texts.duration("d", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Texts.duration("d", "45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Texts.duration("d", "1d")).isEqualTo(Duration.ofDays(1));
    for (String bad : List.of("", "h", "2 hours", "PT0S", "-PT1H", "0h", "P")) {
      assertThatThrownBy(() -> Texts.duration("durationEstimate", bad))
          .as(bad).hasMessageContaining("not valid for durationEstimate");
    }
  }

  @Test
  void timeSpansAreWrittenAsDotNetDoes() {
    assertThat(TimeSpanSerializer.format(Duration.ofHours(1))).isEqualTo("01:00:00");
    assertThat(TimeSpanSerializer.format(Duration.ofMinutes(5))).isEqualTo("00:05:00");
    assertThat(TimeSpanSerializer.format(Duration.ofHours(26).plusSeconds(7))).isEqualTo("1.02:00:07");
    assertThat(TimeSpanSerializer.format(Duration.ofMillis(1500))).isEqualTo("00:00:01.5000000");
    assertThat(TimeSpanSerializer.format(Duration.ofMinutes(-30))).isEqualTo("-00:30:00");
  }

  @Test
  void queryNamesIgnoreCaseAndRepeat() {
    QueryString q = new QueryString("Location=a&location=b%20c&time=&windowSize=30&x");
    assertThat(q.all("location")).containsExactly("a", "b c");
    assertThat(q.single("time")).isNull();
    assertThat(q.integer("WINDOWSIZE")).isEqualTo(30);
    assertThat(q.all("x")).containsExactly("");
    assertThatThrownBy(() -> new QueryString("a=%zz")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> q.single("location")).hasMessageContaining("given 2 times");
  }

  @Test
  void routesMatchSegmentsAndCaptureParameters() {
    Endpoint e = r -> Response.ok("x");
    Router router = new Router().add("GET", "/jobs", e).add("POST", "/jobs", e).add("DELETE", "/jobs/{id}", e);
    assertThat(router.match("/JOBS/").map(Router::allow)).contains("GET, POST");
    assertThat(router.match("/jobs/Job-7").orElseThrow().parameters()).containsEntry("id", "Job-7");
    assertThat(router.match("/jobs/1/2")).isEmpty();
    assertThat(router.match("/")).isEmpty();
  }
}
