package io.lowcarb.schedule.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /jobs}: submitting and cancelling need {@code Authorization: Bearer TOKEN}; anyone may
 * list, but only a caller with the token sees the jobs' command lines (a wrong token is 401, so a
 * client with a mistyped one learns it rather than seeing less).
 */
final class JobsEndpoints {
  private final JobsBackend backend;
  private final BearerToken token;

  JobsEndpoints(JobsBackend backend, BearerToken token) {
    this.backend = backend;
    this.token = token;
  }

  void addTo(Router router) {
    router.add("GET", "/jobs", this::list)
        .add("POST", "/jobs", this::submit)
        .add("DELETE", "/jobs/{id}", this::cancel);
  }

  private Response list(Request r) {
    if (r.authorization() == null) {
      return Response.ok(backend.list().stream().map(JobView::withoutCommand).toList());
    }
    Response denied = denied(r);
    return denied != null ? denied : Response.ok(backend.list());
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
