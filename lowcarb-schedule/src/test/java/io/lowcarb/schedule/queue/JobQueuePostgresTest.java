package io.lowcarb.schedule.queue;

import org.junit.jupiter.api.AfterEach;

/** {@link JobQueueTest} on PostgreSQL ({@code LOWCARB_TEST_POSTGRES_URL}), in a schema of its own. */
class JobQueuePostgresTest extends JobQueueTest {
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
