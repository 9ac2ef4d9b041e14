package dev.returnkit.core;

import dev.returnkit.spi.id.OrderId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the use cases that read an order's other returns and then store a decision on them
 * (a request; the planning of a settlement), so two of them on the same order in this process
 * cannot both pass the quantity check or both refund the same units. Nothing that calls the
 * payment provider runs under it. Striped: a fixed set of locks shared by all orders, so
 * memory stays bounded. Across processes the payment port's limit (and a database's
 * constraints) hold the line instead.
 */
final class OrderLocks {

  private final ReentrantLock[] stripes;

  OrderLocks(int stripeCount) {
    stripes = new ReentrantLock[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The lock an order shares with others: orders of one stripe wait for each other. */
  int stripe(OrderId orderId) {
    // Shops number their orders, and the string hashes of O-0 to O-999 taken modulo 64 left an
    // eighth of the stripes unused. Multiplying by the golden ratio (Fibonacci hashing) and
    // folding the high bits in spreads them over every stripe.
    int mixed = orderId.hashCode() * 0x9E3779B9;
    return Math.floorMod(mixed ^ (mixed >>> 16), stripes.length);
  }

  <T> T withLock(OrderId orderId, Supplier<T> work) {
    ReentrantLock lock = stripes[stripe(orderId)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
