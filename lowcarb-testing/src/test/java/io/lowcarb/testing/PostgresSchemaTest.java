package io.lowcarb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** On the shared server of {@link TestPostgres}: the one the other modules' tests use. */
class PostgresSchemaTest {
  @Test
  void tablesGoToTheSchemaWhichCloseDrops() throws Exception {
    PostgresSchema schema = PostgresSchema.create();
    PostgresSchema beside = PostgresSchema.create();
    try (Connection c = DriverManager.getConnection(schema.url());
        Statement s = c.createStatement()) {
      s.execute("create table runs (id int)");
    }
    assertThat(beside.name()).isNotEqualTo(schema.name());
    assertThat(tablesOf(schema.name())).containsExactly(1);

    schema.close();
    schema.close(); // again: harmless

    assertThat(tablesOf(schema.name())).containsExactly(0);
    assertThat(schemaExists(beside.name())).isTrue();
    beside.close();
    assertThat(schemaExists(beside.name())).isFalse();
  }

  private static java.util.List<Integer> tablesOf(String schema) throws SQLException {
    return java.util.List.of(count("select count(*) from information_schema.tables where table_schema = '" + schema + "'"));
  }

  private static boolean schemaExists(String schema) throws SQLException {
    return count("select count(*) from information_schema.schemata where schema_name = '" + schema + "'") == 1;
  }

  private static int count(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestPostgres.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
