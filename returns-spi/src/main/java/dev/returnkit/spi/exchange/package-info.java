/**
 * The replacement-order port: the host places (and cancels) the order that ships an exchange's
 * replacement, each at most once per idempotency key.
 */
package dev.returnkit.spi.exchange;
