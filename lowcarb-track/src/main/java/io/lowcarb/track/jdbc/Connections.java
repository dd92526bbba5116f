package io.lowcarb.track.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Connections to one database URL, a new one per operation. For an H2 file one more is held
 * open, so that the file stays open in this process between operations rather than being opened
 * for each; if the process serving the file to this one has ended, the held connection is broken
 * and a new one opens the file here, and this process serves it.
 */
public final class Connections implements AutoCloseable {
  private final String url;
  private final boolean h2;
  private Connection keeper;
  private boolean closed;

  public Connections(String url) {
    this.url = url;
    this.h2 = url.startsWith("jdbc:h2:");
  }

  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    if (h2) {
      keepOpen();
    }
    return DriverManager.getConnection(url);
  }

  private synchronized void keepOpen() throws SQLException {
    if (closed || (keeper != null && keeper.isValid(1))) {
      return;
    }
    closeKeeper();
    keeper = DriverManager.getConnection(url);
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeKeeper();
  }

  private synchronized void closeKeeper() {
    if (keeper != null) {
      try {
        keeper.close();
      } catch (SQLException e) {
        // The process serving the file has ended: nothing left to release.
      }
      keeper = null;
    }
  }

  /**
   * The H2 URL with every commit written at once. H2 otherwise writes commits up to half a
   * second late, and a killed process serving the file would lose them.
   */
  public static String durable(String url) {
    return url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
  }

  /** The URL without passwords, for messages. */
  public static String redact(String url) {
    return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
