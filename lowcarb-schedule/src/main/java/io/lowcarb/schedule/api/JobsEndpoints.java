package io.lowcarb.schedule.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /jobs}: anyone may list; submitting and cancelling need {@code Authorization: Bearer TOKEN}.
 */
final class JobsEndpoints {
  private final JobsBackend backend;
  private final BearerToken token;

  JobsEndpoints(JobsBackend backend, BearerToken token) {
    this.backend = backend;
    this.token = token;
  }

  void addTo(Router router) {
    router.add("GET", "/jobs", r -> Response.ok(backend.list()))
        .add("POST", "/jobs", this::submit)
        .add("DELETE", "/jobs/{id}", this::cancel);
  }

  private Response submit(Request r) {
    Response denied = denied(r);
    if (denied != null) {
      return denied;
    }
    JobRequest request = JobRequests.parse(r.body());
    JobView job;
    try {
      job = backend.submit(request);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("body", e.getMessage());
    }
    return new Response(201, job, Map.of("Location", "/jobs/" + URLEncoder.encode(job.id(), StandardCharsets.UTF_8)));
  }

  private Response cancel(Request r) {
    Response denied = denied(r);
    if (denied != null) {
      return denied;
    }
    String id = r.pathParameters().get("id");
    try {
      if (!backend.cancel(id)) {
        return Response.problem(Problem.of(404, "there is no job with id '" + id + "'"));
      }
    } catch (IllegalStateException e) {
      return Response.problem(Problem.of(409, e.getMessage()));
    }
    return new Response(204, null, Map.of());
  }

  /** A 401 answer when the request lacks the token, else null. */
  private Response denied(Request r) {
    if (token.accepts(r.authorization())) {
      return null;
    }
    String detail = r.authorization() == null
        ? "this needs an 'Authorization: Bearer TOKEN' header"
        : "the Authorization header does not carry the right bearer token";
    String challenge = r.authorization() == null ? "Bearer realm=\"lowcarb\"" : "Bearer realm=\"lowcarb\", error=\"invalid_token\"";
    return Response.problem(Problem.of(401, detail)).with("WWW-Authenticate", challenge);
  }
}
