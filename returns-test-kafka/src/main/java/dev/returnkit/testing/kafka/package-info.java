/**
 * A real Kafka broker for tests, in the test's JVM: {@link
 * dev.returnkit.testing.kafka.EmbeddedKraftBroker}, which can stop and start again mid-test.
 */
package dev.returnkit.testing.kafka;
