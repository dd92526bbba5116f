package io.lowcarb.track;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The store on the PostgreSQL of {@code LOWCARB_TEST_POSTGRES_URL}, in a schema of its own that
 * is dropped afterwards; skipped without that variable unless {@code LOWCARB_REQUIRE_POSTGRES=1}.
 */
class PostgresRunStoreTest extends RunStoreContract {
  private String base;
  private String schema;

  @Override
  String url() throws Exception {
    if (schema == null) {
      base = System.getenv("LOWCARB_TEST_POSTGRES_URL");
      if (base == null || base.isBlank()) {
        if ("1".equals(System.getenv("LOWCARB_REQUIRE_POSTGRES"))) {
          fail("LOWCARB_REQUIRE_POSTGRES=1 but LOWCARB_TEST_POSTGRES_URL is not set");
        }
        assumeTrue(false, "LOWCARB_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
      }
      schema = "lowcarb_runs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(base);
          Statement s = c.createStatement()) {
        s.execute("create schema " + schema);
      }
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(base);
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }
}
