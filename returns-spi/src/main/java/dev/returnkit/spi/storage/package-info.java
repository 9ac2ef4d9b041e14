/**
 * The storage port: case snapshots and their append-only history, saved atomically with
 * optimistic locking, and the queries returnkit and its reports need.
 */
package dev.returnkit.spi.storage;
