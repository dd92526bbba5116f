package io.lowcarb.track;

import java.sql.Connection;
import java.sql.SQLException;
import io.lowcarb.track.jdbc.Connections;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store's database: an H2 file (several processes of one machine share it, the first one
 * serving the others) or PostgreSQL, its schema brought up to date by Flyway on open.
 */
final class StoreDatabase implements AutoCloseable {
  /** Work on one connection, in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String url;
  private final Connections connections;

  private StoreDatabase(String url) {
    this.url = url;
    this.connections = new Connections(url);
  }

  static StoreDatabase open(String url) {
    // Two processes that create or migrate a new store at the same moment can collide (H2's file
    // and its auto-server, Flyway's first migration): the one that lost finds the store made when
    // it tries again.
    for (int attempt = 1; ; attempt++) {
      StoreDatabase db = new StoreDatabase(normalised(url));
      try {
        db.connections.connect().close();
        migrate(db);
        return db;
      } catch (SQLException | FlywayException e) {
        db.close();
        if (attempt >= OPEN_ATTEMPTS) {
          throw new StoreException("cannot open the run store at " + redact(url) + ": " + firstLine(e), e);
        }
      }
      try {
        Thread.sleep(150L * attempt + (long) (Math.random() * 150));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while opening the run store at " + redact(url), e);
      }
    }
  }

  /** How often opening is tried before the error is reported. */
  private static final int OPEN_ATTEMPTS = 5;

  private static void migrate(StoreDatabase db) {
    Flyway.configure(StoreDatabase.class.getClassLoader())
        .dataSource(db.url, null, null)
        .locations("classpath:io/lowcarb/track/migration")
        .table("lowcarb_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .loggers(QuietFlywayLog.class.getName())
        .load()
        .migrate();
  }

  /**
   * H2 URLs get the options the store needs: every commit written at once (H2 otherwise writes
   * them up to half a second late, and a killed process would lose its run) and the file shared
   * between processes.
   */
  static String normalised(String url) {
    if (url == null || url.isBlank()) {
      throw new StoreException("the run store needs a JDBC URL: jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB");
    }
    if (url.startsWith("jdbc:h2:")) {
      String upper = url.toUpperCase(Locale.ROOT);
      String u = Connections.durable(url);
      if (upper.startsWith("JDBC:H2:FILE:") && !upper.contains(";AUTO_SERVER=")) {
        u += ";AUTO_SERVER=TRUE";
      }
      return u;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return url;
    }
    throw new StoreException(
        "unsupported run store URL '" + redact(url) + "': use jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB");
  }

  static String redact(String url) {
    return Connections.redact(url);
  }

  String describe() {
    return redact(url);
  }

  /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
  <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = connections.connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + " in the run store at " + describe() + ": " + firstLine(e), e);
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    connections.close();
  }
}
