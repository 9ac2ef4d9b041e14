/**
 * The append-only, hash-chained history of a return case: every command leaves one
 * {@link dev.returnkit.spi.history.HistoryEntry}, and
 * {@link dev.returnkit.spi.history.HistoryChain} detects any later change to the stored
 * entries.
 */
package dev.returnkit.spi.history;
