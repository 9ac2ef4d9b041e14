package dev.returnkit.examples.demo;

/**
 * How a run's cases were stored, and how fast. Wall-clock figures: they differ from run to run,
 * so the report leaves them out and the command prints them.
 *
 * @param store where the cases were kept, e.g. "embedded PostgreSQL 14.22"
 * @param saves how many times a case was saved (one transaction each in PostgreSQL)
 * @param saveNanos the time spent in saves, in total
 * @param medianSaveNanos the median save
 * @param p99SaveNanos the 99th percentile save
 */
public record StorageStats(String store, long saves, long saveNanos, long medianSaveNanos,
    long p99SaveNanos) {}
