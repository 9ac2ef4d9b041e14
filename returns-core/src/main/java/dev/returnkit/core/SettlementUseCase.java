package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.settlement.SettlementPolicy;
import dev.returnkit.spi.PaymentException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlement: the plan is decided and stored under the order's lock (it reads what the order's
 * other cases refunded), then paid outside it, so a slow payment provider never holds up the
 * requests and settlements of other orders, or of this one. Paying outside the lock is safe
 * because every payment carries an idempotency key derived from the case: a second settle of the
 * same case sends the same keys and the provider pays once. When every payment is confirmed
 * (a dearer exchange's difference charged among them, so a replacement is never free), the
 * case's replacement order is placed, keyed by the case, and the settlement completes.
 * Thread-safe.
 */
final class SettlementUseCase {

  private static final Logger log = LoggerFactory.getLogger(SettlementUseCase.class);

  private final CaseStore store;
  private final AccessGuard access;
  private final OrderLookup orders;
  private final PaymentGateway payments;
  private final ReplacementOrders replacements;
  private final SettlementPolicy policy;
  private final OrderLocks locks;
  private final SideEffects sideEffects;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  SettlementUseCase(CaseStore store, AccessGuard access, OrderLookup orders,
      PaymentGateway payments, ReplacementOrders replacements, SettlementPolicy policy,
      OrderLocks locks, SideEffects sideEffects, InputValidator validator,
      Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.orders = orders;
    this.payments = payments;
    this.replacements = replacements;
    this.policy = policy;
    this.locks = locks;
    this.sideEffects = sideEffects;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult settle(ReturnId id, Actor actor) {
    validator.validateParameter("settlement", "actor", actor);
    ReturnCase loaded = store.load(id);
    access.check(AccessRequest.onCase(actor, Operation.SETTLE, loaded.snapshot(), null));
    OrderId orderId = loaded.orderId();
    OrderSnapshot order = orders.findOrder(orderId).orElseThrow(() -> new ReturnsException(
        "order " + orderId + " of return case " + id + " is unknown to the order system"));
    List<ReturnEvent> events = new ArrayList<>();
    ReturnCase returnCase = loaded.status() == ReturnStatus.SETTLING ? loaded
        : locks.withLock(orderId, () -> {
          ReturnCase fresh = store.load(id);
          if (fresh.status() != ReturnStatus.SETTLING) {
            fresh.beginSettlement(policy, order, store.ledger(orderId, id), actor, now.get());
            // The plan is stored before anything is paid: from here on, a retry pays the same
            // keys.
            events.addAll(store.commit(fresh).events());
          }
          return fresh;
        });
    ReplacementOrder replacement;
    try {
      for (PaymentInstruction instruction : returnCase.unpaidInstructions(order)) {
        returnCase.recordPayment(payments.pay(instruction), actor, now.get());
      }
      replacement = placeReplacement(returnCase);
    } catch (RuntimeException failure) {
      // Whatever went wrong (a refusal, an outage, a bug in an adapter), the payments that did
      // go through are stored before the failure is passed on.
      storeConfirmedPayments(returnCase, failure);
      throw failure;
    }
    returnCase.completeSettlement(actor, now.get(), replacement);
    events.addAll(store.commit(returnCase).events());
    // The customer's money does not wait for the warehouse system: stock movements were sent
    // after the inspection already; this second sending only repairs a failure there.
    sideEffects.moveStockQuietly(returnCase);
    return new ReturnResult(returnCase.snapshot(), events);
  }

  /**
   * Settles an advance exchange whose goods did not come back by the drop-off deadline: the
   * charge for its replacement is planned and stored under the order's lock, then charged and
   * the case completed as any settlement ({@link #settle}). A charge the payment provider did
   * not confirm leaves the case settling, for a later settle to retry with the same keys: the
   * result then is the settling case (logged at WARN), not an exception, so that one failed
   * charge does not stop the expiry of the other cases.
   */
  ReturnResult chargeAdvanceReplacement(ReturnId id, Actor actor, Instant at) {
    ReturnCase loaded = store.load(id);
    access.check(AccessRequest.onCase(actor, Operation.SETTLE, loaded.snapshot(), null));
    OrderId orderId = loaded.orderId();
    OrderSnapshot order = orders.findOrder(orderId).orElseThrow(() -> new ReturnsException(
        "order " + orderId + " of return case " + id + " is unknown to the order system"));
    List<ReturnEvent> events = new ArrayList<>(locks.withLock(orderId, () -> {
      ReturnCase fresh = store.load(id);
      fresh.chargeAdvanceReplacement(policy, order, store.ledger(orderId, id), actor, at);
      return store.commit(fresh).events();
    }));
    ReturnResult settled;
    try {
      settled = settle(id, actor);
    } catch (PaymentException unpaid) {
      log.warn("Return case {}: the charge for its advance replacement is planned but was not "
          + "paid; settle it again to retry", id, unpaid);
      return new ReturnResult(store.load(id).snapshot(), events);
    }
    events.addAll(settled.events());
    return new ReturnResult(settled.returnCase(), events);
  }

  ReturnResult recordManualPayment(ReturnId id, ManualPayment payment) {
    validator.validate("manual payment", payment);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(payment.confirmedBy(), Operation.RECORD_MANUAL_PAYMENT,
        returnCase.snapshot(), null));
    Instant at = now.get();
    returnCase.recordManualPayment(payment, at);
    if (returnCase.allPaymentsConfirmed()) {
      ReplacementOrder replacement;
      try {
        replacement = placeReplacement(returnCase);
      } catch (RuntimeException failure) {
        storeConfirmedPayments(returnCase, failure);
        throw failure;
      }
      returnCase.completeSettlement(payment.confirmedBy(), at, replacement);
    }
    return store.commit(returnCase);
  }

  /**
   * Places the case's replacement order, or finds the one an earlier, interrupted settlement
   * placed (the key is the case's); null without the port or without exchanged lines.
   */
  private ReplacementOrder placeReplacement(ReturnCase returnCase) {
    if (replacements == null) {
      return null;
    }
    return returnCase.replacementRequest().map(replacements::place).orElse(null);
  }

  private void storeConfirmedPayments(ReturnCase returnCase, RuntimeException failure) {
    if (returnCase.hasPendingChanges()) {
      try {
        store.commit(returnCase);
      } catch (RuntimeException storeFailure) {
        failure.addSuppressed(storeFailure);
      }
    }
  }
}
