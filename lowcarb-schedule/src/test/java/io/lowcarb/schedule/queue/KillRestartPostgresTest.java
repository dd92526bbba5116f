package io.lowcarb.schedule.queue;

import io.lowcarb.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link KillRestartScenario} on PostgreSQL (the server the tests start themselves, or that of
 * {@code LOWCARB_TEST_POSTGRES_URL}), in a schema of its own.
 */
class KillRestartPostgresTest extends KillRestartScenario {
  private PostgresSchema schema;

  @Override
  String url() throws Exception {
    schema = PostgresSchema.create();
    return schema.url();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      schema.close();
    }
  }
}
