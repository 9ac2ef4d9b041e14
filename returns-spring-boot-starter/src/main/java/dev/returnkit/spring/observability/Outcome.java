package dev.returnkit.spring.observability;

import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.ReturnNotFoundException;

/**
 * How a use case ended, as the {@code outcome} tag says it, and whether that was a refusal
 * (the caller's request was turned down: it changed nothing and nothing broke).
 */
enum Outcome {
  SUCCESS("success", null),
  ACCESS_DENIED("access-denied", "access"),
  INVALID("invalid", "validation"),
  ILLEGAL_TRANSITION("illegal-transition", "transition"),
  CONCURRENT_UPDATE("concurrent-update", "concurrency"),
  NOT_FOUND("not-found", "not-found"),
  ORDER_LIMIT("order-limit", "order-limit"),
  PAYMENT_REJECTED("payment-rejected", null),
  PAYMENT_UNAVAILABLE("payment-unavailable", null),
  ERROR("error", null);

  final String tag;
  /** The {@code kind} tag of the refusal counter, or null when this is no refusal. */
  final String refusal;

  Outcome(String tag, String refusal) {
    this.tag = tag;
    this.refusal = refusal;
  }

  static Outcome of(RuntimeException failure) {
    if (failure instanceof AccessDeniedException) {
      return ACCESS_DENIED;
    } else if (failure instanceof InvalidReturnRequestException) {
      return INVALID;
    } else if (failure instanceof IllegalReturnTransitionException) {
      return ILLEGAL_TRANSITION;
    } else if (failure instanceof ConcurrentReturnUpdateException) {
      return CONCURRENT_UPDATE;
    } else if (failure instanceof ReturnNotFoundException) {
      return NOT_FOUND;
    } else if (failure instanceof OrderLimitExceededException) {
      return ORDER_LIMIT;
    } else if (failure instanceof PaymentRejectedException) {
      return PAYMENT_REJECTED;
    } else if (failure instanceof PaymentUnavailableException) {
      return PAYMENT_UNAVAILABLE;
    }
    return ERROR;
  }
}
