/**
 * The payment port: refunds and store credit, each paid at most once per idempotency key and
 * never above what the customer paid.
 */
package dev.returnkit.spi.payment;
