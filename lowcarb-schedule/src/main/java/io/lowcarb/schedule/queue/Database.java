package io.lowcarb.schedule.queue;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import io.lowcarb.track.jdbc.Connections;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The queue's database: a connection per operation (no pool: a queue polls every few seconds),
 * and transactions that db-scheduler's own statements join, so that a job row and its task
 * instance are written together or not at all.
 */
final class Database implements AutoCloseable {
  /** Which SQL the schema needs. */
  enum Dialect {
    H2,
    POSTGRESQL
  }

  /** Work in a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String url;
  private final Dialect dialect;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();
  private final DataSource dataSource = new BoundDataSource();
  private final Connections connections;

  private Database(String url, Dialect dialect) {
    this.url = url;
    this.dialect = dialect;
    this.connections = new Connections(url);
  }

  /**
   * Opens the database at {@code url}; fails now, with a clear message, if it cannot be reached.
   */
  static Database open(String url) {
    Dialect dialect = dialect(url);
    Database db = new Database(dialect == Dialect.H2 ? durable(url) : url, dialect);
    try {
      db.connect().close();
    } catch (SQLException e) {
      db.close();
      throw new QueueException("cannot open the job queue at " + redact(url) + ": " + e.getMessage(), e);
    }
    return db;
  }

  /** The H2 URL with every commit written at once: a killed process would lose them otherwise. */
  static String durable(String url) {
    return Connections.durable(url);
  }

  static Dialect dialect(String url) {
    if (url == null) {
      throw new IllegalArgumentException("the job queue needs a JDBC URL");
    }
    if (url.startsWith("jdbc:h2:")) {
      return Dialect.H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Dialect.POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported job queue URL '" + redact(url) + "': use jdbc:h2:file:... or jdbc:postgresql://...");
  }

  /** The URL without passwords, for messages. */
  static String redact(String url) {
    return Connections.redact(url);
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * db-scheduler's SQL for this database. Timestamps are written in UTC on H2, whose column type
   * db-scheduler cannot tell from the driver (it would warn on every start otherwise).
   */
  JdbcCustomization jdbcCustomization() {
    return switch (dialect) {
      case H2 -> new DefaultJdbcCustomization(true);
      case POSTGRESQL -> new PostgreSqlJdbcCustomization(false, false);
    };
  }

  /** The URL without passwords. */
  String describe() {
    return redact(url);
  }

  /** A data source for db-scheduler: the current transaction's connection inside {@link #inTransaction}. */
  DataSource dataSource() {
    return dataSource;
  }

  Connection connect() throws SQLException {
    return connections.connect();
  }

  /**
   * Runs {@code work} in one transaction, committed if it returns and rolled back if it throws.
   * db-scheduler calls made on this thread meanwhile join it. A {@link RuntimeException} from
   * {@code work} passes through; an {@link SQLException} becomes a {@link QueueException}.
   */
  <T> T inTransaction(String what, Work<T> work) {
    if (bound.get() != null) {
      throw new IllegalStateException("transactions do not nest");
    }
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      bound.set(c);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        bound.remove();
      }
    } catch (SQLException e) {
      throw new QueueException("cannot " + what + " in the job queue at " + describe() + ": " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    connections.close();
  }

  /** Hands out the transaction's connection when one is open on this thread, else a new one. */
  private final class BoundDataSource implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = bound.get();
      return c == null ? connect() : unclosable(c);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }

  /** The connection, with close() doing nothing: the transaction's owner closes it. */
  private static Connection unclosable(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Database.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
