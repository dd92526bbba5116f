package io.lowcarb.track;

import io.lowcarb.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/**
 * The store on PostgreSQL: the server the tests start themselves, or that of
 * {@code LOWCARB_TEST_POSTGRES_URL}, in a schema of its own that is dropped afterwards.
 */
class PostgresRunStoreTest extends RunStoreContract {
  private PostgresSchema schema;
  private PostgresSchema other;

  @Override
  String url() throws Exception {
    if (schema == null) { // one schema per test, however often the test asks
      schema = PostgresSchema.create();
    }
    return schema.url();
  }

  @Override
  String otherUrl() throws Exception {
    if (other == null) {
      other = PostgresSchema.create();
    }
    return other.url();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      schema.close();
    }
    if (other != null) {
      other.close();
    }
  }
}
