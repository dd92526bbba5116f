/**
 * Support for the other modules' tests, used with test scope only: a PostgreSQL that the tests
 * start themselves ({@link io.lowcarb.testing.TestPostgres}, {@link io.lowcarb.testing.PostgresSchema})
 * and the host's programs that some tests run, skipped where missing or required in CI
 * ({@link io.lowcarb.testing.HostTool}).
 */
package io.lowcarb.testing;
