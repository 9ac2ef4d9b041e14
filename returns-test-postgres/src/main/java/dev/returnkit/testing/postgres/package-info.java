/**
 * A real PostgreSQL for tests, started from a Maven artifact: a fresh schema per test with
 * {@link dev.returnkit.testing.postgres.FreshPostgres#schema()}.
 */
package dev.returnkit.testing.postgres;
