package dev.returnkit.core.order;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * What the other return cases of an order already hold: units held per order line, money
 * refunded (or planned) per order line, outbound shipping refunded. A case checks its
 * quantities and clamps its refunds against it, so that an order line is never returned or
 * refunded beyond what was bought and paid.
 *
 * <p>Immutable and thread-safe. It is a snapshot: concurrent requests on one order are
 * serialised by the {@code Returns} facade in one process, and by the payment port's limit
 * across processes.
 */
public final class OrderReturnLedger {

  private static final OrderReturnLedger EMPTY =
      new OrderReturnLedger(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, null);

  private final Map<OrderLineId, Integer> held;
  private final Map<OrderLineId, Integer> openCases;
  private final Map<OrderLineId, Integer> settled;
  private final Map<OrderLineId, Money> refunded;
  private final Map<String, Money> refundedToTender;
  private final Money shippingRefunded;
  private final Money clawedBack;

  private OrderReturnLedger(Map<OrderLineId, Integer> held,
      Map<OrderLineId, Integer> openCases, Map<OrderLineId, Integer> settled,
      Map<OrderLineId, Money> refunded, Map<String, Money> refundedToTender,
      Money shippingRefunded, Money clawedBack) {
    this.refundedToTender = Map.copyOf(refundedToTender);
    this.clawedBack = clawedBack;
    this.held = Map.copyOf(held);
    this.openCases = Map.copyOf(openCases);
    this.settled = Map.copyOf(settled);
    this.refunded = Map.copyOf(refunded);
    this.shippingRefunded = shippingRefunded;
  }

  /**
   * An order nothing was returned from yet.
   *
   * @return the empty ledger
   */
  public static OrderReturnLedger empty() {
    return EMPTY;
  }

  /**
   * The ledger of an order's cases, leaving one case out (the one being decided).
   *
   * @param casesOfOrder every stored case of the order
   * @param excluded the case to leave out, or null
   * @return the ledger
   */
  public static OrderReturnLedger of(Collection<ReturnCaseSnapshot> casesOfOrder,
      ReturnId excluded) {
    Map<OrderLineId, Integer> held = new HashMap<>();
    Map<OrderLineId, Integer> open = new HashMap<>();
    Map<OrderLineId, Integer> settled = new HashMap<>();
    Map<OrderLineId, Money> refunded = new HashMap<>();
    Map<String, Money> toTender = new HashMap<>();
    Money shipping = null;
    Money clawedBack = null;
    for (ReturnCaseSnapshot other : casesOfOrder) {
      if (other.id().equals(excluded)) {
        continue;
      }
      boolean moneyDecided =
          other.status() == ReturnStatus.SETTLING || other.status() == ReturnStatus.COMPLETED;
      for (ReturnLineSnapshot line : other.lines()) {
        int units = line.unitsHeld(other.status());
        if (units > 0) {
          held.merge(line.orderLineId(), units, Integer::sum);
          if (!other.status().isTerminal()) {
            open.merge(line.orderLineId(), 1, Integer::sum);
          }
        }
        if (moneyDecided) {
          // What is due counts, paid or not: a settlement in progress will pay it; a clawback
          // given back on top of the line is not the line's money.
          refunded.merge(line.orderLineId(), line.money().dueForLine(), Money::plus);
          settled.merge(line.orderLineId(), line.quantities().accepted(), Integer::sum);
          clawedBack = clawedBack == null ? line.money().clawback()
              : clawedBack.plus(line.money().clawback());
        }
      }
      if (moneyDecided) {
        for (SettlementPayment payment : other.payments()) {
          if (payment.refundsTender()) {
            toTender.merge(payment.tender().reference(), payment.amount(), Money::plus);
          }
        }
        shipping = shipping == null ? other.outboundShippingRefund()
            : shipping.plus(other.outboundShippingRefund());
      }
    }
    return new OrderReturnLedger(held, open, settled, refunded, toTender, shipping, clawedBack);
  }

  /**
   * Units of an order line held by other cases.
   *
   * @param line the order line
   * @return the units held
   */
  public int unitsHeld(OrderLineId line) {
    return held.getOrDefault(line, 0);
  }

  /**
   * Other open cases holding units of an order line.
   *
   * @param line the order line
   * @return the number of open cases
   */
  public int openCases(OrderLineId line) {
    return openCases.getOrDefault(line, 0);
  }

  /**
   * Units of an order line whose money other cases decided (settling or completed, whatever
   * they were settled with): the units a case's share of the line comes after.
   *
   * @param line the order line
   * @return the units settled
   */
  public int unitsSettled(OrderLineId line) {
    return settled.getOrDefault(line, 0);
  }

  /**
   * Money refunded or being refunded for an order line by other cases.
   *
   * @param line the order line
   * @param currency the order's currency
   * @return the amount, zero if none
   */
  public Money refunded(OrderLineId line, Currency currency) {
    return refunded.getOrDefault(line, Money.zero(currency));
  }

  /**
   * Money refunded, or planned to be, to one tender by other cases.
   *
   * @param reference the tender's reference
   * @param currency the order's currency
   * @return the amount, zero if none
   */
  public Money refundedToTender(String reference, Currency currency) {
    return refundedToTender.getOrDefault(reference, Money.zero(currency));
  }

  /**
   * Promotions other cases clawed back from their refunds, less what they gave back.
   *
   * @param currency the order's currency
   * @return the amount, zero if none
   */
  public Money clawedBack(Currency currency) {
    return clawedBack == null ? Money.zero(currency) : clawedBack;
  }

  /**
   * Outbound shipping refunded or being refunded by other cases.
   *
   * @param currency the order's currency
   * @return the amount, zero if none
   */
  public Money outboundShippingRefunded(Currency currency) {
    return shippingRefunded == null ? Money.zero(currency) : shippingRefunded;
  }
}
