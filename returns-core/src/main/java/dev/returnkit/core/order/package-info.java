/**
 * An order as its returns see it: what the order's other return cases already hold and refund
 * ({@link dev.returnkit.core.order.OrderReturnLedger}), which every request and settlement is
 * checked against.
 */
package dev.returnkit.core.order;
