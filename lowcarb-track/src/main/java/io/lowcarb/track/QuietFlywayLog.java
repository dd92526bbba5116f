package io.lowcarb.track;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's messages, kept out of the output of the commands that record runs: a migration is
 * routine; its failures reach the user as the store's own error.
 */
public final class QuietFlywayLog implements LogCreator, Log {
  @Override
  public Log createLogger(Class<?> type) {
    return this;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public void debug(String message) {}

  @Override
  public void info(String message) {}

  @Override
  public void warn(String message) {}

  @Override
  public void error(String message) {}

  @Override
  public void error(String message, Exception e) {}

  @Override
  public void notice(String message) {}
}
