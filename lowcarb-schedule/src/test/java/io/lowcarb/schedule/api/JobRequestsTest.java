package io.lowcarb.schedule.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRequestsTest {
  static final String GOOD = """
      {"name": "train", "command": ["lowcarb", "train", "--epochs", "3"], "zone": "ES",
       "durationEstimate": "PT2H", "deadline": "2023-06-02T00:00:00Z", "interruptible": true}""";

  private static JobRequest parse(String json) {
    return JobRequests.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String with(String field, String value) {
    return GOOD.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\[[^]]*]|true)", "\"" + field + "\": " + value);
  }

  @Test
  void readsEveryField() {
    assertThat(parse(GOOD)).isEqualTo(new JobRequest("train", List.of("lowcarb", "train", "--epochs", "3"), "ES",
        Duration.ofHours(2), Instant.parse("2023-06-02T00:00:00Z"), true));
    assertThat(parse(with("durationEstimate", "\"1h30m\"")).durationEstimate()).isEqualTo(Duration.ofMinutes(90));
    assertThat(parse(GOOD.replace(", \"interruptible\": true", "")).interruptible()).isFalse();
  }

  @Test
  void eachMistakeIsNamed() {
    assertThatThrownBy(() -> parse("{\"name\": ")).hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
    assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> parse(GOOD.replace("\"zone\"", "\"zoen\""))).hasMessageContaining("unknown field 'zoen'");
    assertThatThrownBy(() -> parse(GOOD.replace("\"name\": \"train\", ", ""))).hasMessageContaining("name is required");
    assertThatThrownBy(() -> parse(with("command", "[]"))).hasMessageContaining("command must be a non-empty array");
    assertThatThrownBy(() -> parse(with("command", "[\"ls\", 3]"))).hasMessageContaining("array of strings");
    assertThatThrownBy(() -> parse(with("durationEstimate", "\"two hours\""))).hasMessageContaining("durationEstimate");
    assertThatThrownBy(() -> parse(with("deadline", "\"tomorrow\""))).hasMessageContaining("not valid for deadline");
    assertThatThrownBy(() -> parse(with("interruptible", "\"yes\""))).hasMessageContaining("true or false");
    assertThatThrownBy(() -> parse(with("zone", "7"))).hasMessageContaining("zone must be a non-empty string");
  }

  @Test
  void bearerTokensMatchExactly() {
    BearerToken t = new BearerToken("s3cret-token");
    assertThat(t.accepts("Bearer s3cret-token")).isTrue();
    assertThat(t.accepts("bearer s3cret-token")).isTrue();
    assertThat(t.accepts("Bearer s3cret-tokem")).isFalse();
    assertThat(t.accepts("Bearer s3cret-token-and-more")).isFalse();
    assertThat(t.accepts("Basic s3cret-token")).isFalse();
    assertThat(t.accepts("Bearer")).isFalse();
    assertThat(t.accepts(null)).isFalse();
    assertThatThrownBy(() -> new BearerToken("")).hasMessageContaining("non-blank");
  }
}
