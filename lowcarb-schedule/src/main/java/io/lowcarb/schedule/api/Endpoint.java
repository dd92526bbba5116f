package io.lowcarb.schedule.api;

/** Answers one method on one route. */
@FunctionalInterface
interface Endpoint {
  Response handle(Request request);
}
