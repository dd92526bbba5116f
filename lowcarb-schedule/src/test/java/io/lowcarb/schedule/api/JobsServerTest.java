package io.lowcarb.schedule.api;

import static io.lowcarb.schedule.api.Api.contentType;
import static io.lowcarb.schedule.api.Api.fields;
import static io.lowcarb.schedule.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobsServerTest {
  static final String TOKEN = "test-token-0123456789";

  /** A queue in memory: jobs wait until cancelled; a job named "done" has finished. */
  static final class FakeJobs implements JobsBackend {
    final List<JobView> jobs = new ArrayList<>();

    @Override
    public synchronized List<JobView> list() {
      return List.copyOf(jobs);
    }

    @Override
    public synchronized JobView submit(JobRequest r) {
      if (r.zone().equals("nowhere")) {
        throw new IllegalArgumentException("no intensity for zone nowhere");
      }
      JobView v = new JobView("job-" + (jobs.size() + 1), r.name(), r.command(), r.zone(), r.durationEstimate(),
          r.deadline(), r.interruptible(), r.name().equals("done") ? "DONE" : "WAITING", null);
      jobs.add(v);
      return v;
    }

    @Override
    public synchronized boolean cancel(String id) {
      for (int i = 0; i < jobs.size(); i++) {
        JobView v = jobs.get(i);
        if (v.id().equals(id)) {
          if (v.state().equals("DONE")) {
            throw new IllegalStateException("job " + id + " has finished");
          }
          jobs.set(i, new JobView(v.id(), v.name(), v.command(), v.zone(), v.durationEstimate(), v.deadline(),
              v.interruptible(), "CANCELLED", null));
          return true;
        }
      }
      return false;
    }
  }

  FakeJobs backend;
  CarbonAwareServer server;
  Api api;

  @BeforeEach
  void start() throws IOException {
    backend = new FakeJobs();
    server = CarbonAwareServer.builder(new Catalog(List.of())).port(0).jobs(backend, TOKEN).start();
    api = new Api(server.uri());
  }

  @AfterEach
  void stop() {
    if (server != null) { // null where start() failed
      server.close();
    }
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    return api.send("POST", "/jobs", body, headers);
  }

  private static String auth(String token) {
    return "Bearer " + token;
  }

  @Test
  void submittingNeedsTheTokenAndListingDoesNot() throws Exception {
    HttpResponse<String> none = post(JobRequestsTest.GOOD);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(contentType(none)).isEqualTo("application/problem+json; charset=utf-8");
    assertThat(json(none).get("detail").asText()).contains("Authorization: Bearer");
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"lowcarb\"");
    HttpResponse<String> wrong = post(JobRequestsTest.GOOD, "Authorization", auth("guess"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("detail").asText()).contains("does not carry the right bearer token");
    assertThat(backend.jobs).isEmpty();

    HttpResponse<String> ok = post(JobRequestsTest.GOOD, "Authorization", auth(TOKEN));
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(contentType(ok)).isEqualTo("application/json; charset=utf-8");
    assertThat(ok.headers().firstValue("Location")).contains("/jobs/job-1");
    JsonNode job = json(ok);
    assertThat(fields(job)).containsExactly("id", "name", "command", "zone", "durationEstimate", "deadline",
        "interruptible", "state", "plannedStart");
    assertThat(job.get("durationEstimate").asText()).isEqualTo("PT2H");
    assertThat(job.get("deadline").asText()).isEqualTo("2023-06-02T00:00:00Z");
    assertThat(job.get("command").get(1).asText()).isEqualTo("train");
    assertThat(job.get("interruptible").asBoolean()).isTrue();
    assertThat(job.get("plannedStart").isNull()).isTrue();
    assertThat(backend.jobs).singleElement().satisfies(j -> {
      assertThat(j.zone()).isEqualTo("ES");
      assertThat(j.deadline()).isEqualTo(Instant.parse("2023-06-02T00:00:00Z"));
    });

    HttpResponse<String> list = api.get("/jobs");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json(list)).hasSize(1);
    assertThat(json(list).get(0).get("id").asText()).isEqualTo("job-1");
  }

  @Test
  void listingWithoutTheTokenShowsStatesButNoCommandLines() throws Exception {
    post(JobRequestsTest.GOOD, "Authorization", auth(TOKEN));

    HttpResponse<String> anonymous = api.get("/jobs");
    assertThat(anonymous.statusCode()).isEqualTo(200);
    JsonNode seen = json(anonymous).get(0);
    assertThat(fields(seen)).containsExactly("id", "name", "zone", "durationEstimate", "deadline", "interruptible",
        "state", "plannedStart");
    assertThat(seen.get("state").asText()).isEqualTo("WAITING");
    assertThat(anonymous.body()).doesNotContain("--epochs");

    HttpResponse<String> owner = api.send("GET", "/jobs", null, "Authorization", auth(TOKEN));
    assertThat(owner.statusCode()).isEqualTo(200);
    assertThat(json(owner).get(0).get("command").toString()).isEqualTo("[\"lowcarb\",\"train\",\"--epochs\",\"3\"]");

    HttpResponse<String> wrong = api.send("GET", "/jobs", null, "Authorization", auth("guess"));
    assertThat(wrong.statusCode()).as("a mistyped token is told, not shown less").isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("--epochs");
  }

  @Test
  void badBodiesAre400WithTheReason() throws Exception {
    String a = auth(TOKEN);
    HttpResponse<String> broken = post("{\"name\": \"x\",", "Authorization", a);
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(json(broken).get("errors").get("body").get(0).asText()).contains("not valid JSON");
    HttpResponse<String> missing = post("{\"name\": \"x\"}", "Authorization", a);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).get("detail").asText()).contains("is required");
    HttpResponse<String> shortForm = post(JobRequestsTest.GOOD.replace("PT2H", "2h"), "Authorization", a);
    assertThat(shortForm.statusCode()).isEqualTo(201);
    assertThat(json(shortForm).get("durationEstimate").asText()).isEqualTo("PT2H");
    HttpResponse<String> refused = post(JobRequestsTest.GOOD.replace("\"ES\"", "\"nowhere\""), "Authorization", a);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("detail").asText()).isEqualTo("no intensity for zone nowhere");
    HttpResponse<String> huge = post("[" + "1,".repeat(40_000) + "1]", "Authorization", a);
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void cancellingNeedsTheTokenAndNamesMissingOrFinishedJobs() throws Exception {
    post(JobRequestsTest.GOOD, "Authorization", auth(TOKEN));
    post(JobRequestsTest.GOOD.replace("\"train\"", "\"done\""), "Authorization", auth(TOKEN));
    assertThat(api.send("DELETE", "/jobs/job-1", null).statusCode()).isEqualTo(401);
    assertThat(api.send("DELETE", "/jobs/job-1", null, "Authorization", auth(TOKEN + "x")).statusCode()).isEqualTo(401);
    assertThat(backend.jobs.getFirst().state()).isEqualTo("WAITING");

    HttpResponse<String> ok = api.send("DELETE", "/jobs/job-1", null, "Authorization", auth(TOKEN));
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(backend.jobs.getFirst().state()).isEqualTo("CANCELLED");
    HttpResponse<String> missing = api.send("DELETE", "/jobs/job-9", null, "Authorization", auth(TOKEN));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("detail").asText()).contains("no job with id 'job-9'");
    HttpResponse<String> finished = api.send("DELETE", "/jobs/job-2", null, "Authorization", auth(TOKEN));
    assertThat(finished.statusCode()).isEqualTo(409);
    assertThat(json(finished).get("detail").asText()).isEqualTo("job job-2 has finished");
  }

  @Test
  void wrongMethodsOnJobsAre405() throws Exception {
    HttpResponse<String> r = api.send("PUT", "/jobs", "{}", "Authorization", auth(TOKEN));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("GET, POST");
    assertThat(api.get("/jobs/job-1").statusCode()).isEqualTo(405);
    assertThat(json(api.get("/jobs/job-1")).get("status").asInt()).isEqualTo(405);
  }
}
