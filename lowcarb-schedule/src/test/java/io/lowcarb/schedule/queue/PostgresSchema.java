package io.lowcarb.schedule.queue;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL of {@code LOWCARB_TEST_POSTGRES_URL}, dropped on close, so
 * that tests can run again and side by side. Without that variable the test is skipped, unless
 * {@code LOWCARB_REQUIRE_POSTGRES=1}, which makes it fail.
 */
final class PostgresSchema implements AutoCloseable {
  private final String base;
  private final String schema;

  private PostgresSchema(String base, String schema) {
    this.base = base;
    this.schema = schema;
  }

  static PostgresSchema create() throws SQLException {
    String base = System.getenv("LOWCARB_TEST_POSTGRES_URL");
    if (base == null || base.isBlank()) {
      if ("1".equals(System.getenv("LOWCARB_REQUIRE_POSTGRES"))) {
        fail("LOWCARB_REQUIRE_POSTGRES=1 but LOWCARB_TEST_POSTGRES_URL is not set");
      }
      assumeTrue(false, "LOWCARB_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
    }
    String schema = "lowcarb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    }
    return new PostgresSchema(base, schema);
  }

  /** The URL with this schema as the current one. */
  String url() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }
}
