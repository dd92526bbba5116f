package io.lowcarb.schedule.api;

import java.util.List;
import java.util.Map;

/**
 * A request the API cannot answer as asked: a missing or malformed parameter, an unknown
 * location, or a range the data does not cover. The HTTP edge answers 400 with the errors by
 * parameter, as the SDK's ValidationProblemDetails does.
 */
public final class InvalidRequestException extends RuntimeException {
  private final Map<String, List<String>> errors;

  /**
   * @param parameter the parameter at fault, as the client spelled it ({@code time}, {@code location})
   * @param message what is wrong with it
   */
  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.errors = Map.of(parameter, List.of(message));
  }

  /** The messages by parameter. */
  public Map<String, List<String>> errors() {
    return errors;
  }
}
