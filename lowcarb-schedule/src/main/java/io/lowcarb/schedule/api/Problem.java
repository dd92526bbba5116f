package io.lowcarb.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An error body shaped as ASP.NET's ValidationProblemDetails (RFC 9457), which SDK clients
 * expect: {@code {"type", "title", "status", "detail", "errors": {"parameter": ["message"]}}}.
 */
record Problem(
    String type,
    String title,
    int status,
    String detail,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> errors) {

  static final String VALIDATION_TITLE = "One or more validation errors occurred.";

  static Problem invalid(InvalidRequestException e) {
    return new Problem(type(400), VALIDATION_TITLE, 400, e.getMessage(), e.errors());
  }

  static Problem of(int status, String detail) {
    return new Problem(type(status), title(status), status, detail, Map.of());
  }

  private static String type(int status) {
    String section = switch (status) {
      case 400 -> "15.5.1";
      case 401 -> "15.5.2";
      case 403 -> "15.5.4";
      case 404 -> "15.5.5";
      case 405 -> "15.5.6";
      case 409 -> "15.5.10";
      case 413 -> "15.5.14";
      case 415 -> "15.5.16";
      default -> "15.6.1";
    };
    return "https://tools.ietf.org/html/rfc9110#section-" + section;
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      default -> "Internal Server Error";
    };
  }
}
