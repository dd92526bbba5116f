package io.lowcarb.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the {@link TestPostgres} server, dropped on close, so that tests can run
 * again and side by side on one server.
 */
public final class PostgresSchema implements AutoCloseable {
  private final String base;
  private final String name;

  private PostgresSchema(String base, String name) {
    this.base = base;
    this.name = name;
  }

  /** Creates one; skips or fails the test as {@link TestPostgres#url()} does without a server. */
  public static PostgresSchema create() throws SQLException {
    String base = TestPostgres.url();
    String name = "lowcarb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("create schema " + name);
    }
    return new PostgresSchema(base, name);
  }

  /** The schema's name. */
  public String name() {
    return name;
  }

  /** The server's URL with this schema as the current one. */
  public String url() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  /** Drops the schema and everything in it; again is harmless. */
  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + name + " cascade");
    }
  }
}
