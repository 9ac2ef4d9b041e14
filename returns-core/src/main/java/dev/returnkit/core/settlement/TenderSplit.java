package dev.returnkit.core.settlement;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each tender of an order can still take back while one settlement is planned, in routing
 * order: what it captured, less what the order's other cases refunded (or planned to) to it,
 * less what this plan has given it so far. Not thread-safe: one per plan.
 */
final class TenderSplit {

  /** A part of a payment that goes to one tender. */
  record Part(Tender tender, Money amount) {}

  private final Map<Tender, Money> left = new LinkedHashMap<>();
  private final Currency currency;

  TenderSplit(List<Tender> routed, OrderReturnLedger ledger, Currency currency) {
    this.currency = currency;
    for (Tender tender : routed) {
      Money open = tender.captured()
          .minus(ledger.refundedToTender(tender.reference(), currency));
      left.put(tender, open.max(Money.zero(currency)));
    }
  }

  /** What all tenders together can still take back. */
  Money room() {
    return Money.sum(left.values(), currency);
  }

  /**
   * Splits an amount over the tenders in routing order, taking it from their room.
   *
   * @param amount at most {@link #room()}
   * @return the parts, none zero, adding up to the amount
   */
  List<Part> take(Money amount) {
    List<Part> parts = new ArrayList<>();
    Money rest = amount;
    for (Map.Entry<Tender, Money> tender : left.entrySet()) {
      if (!rest.isPositive()) {
        break;
      }
      Money part = rest.min(tender.getValue());
      if (part.isPositive()) {
        parts.add(new Part(tender.getKey(), part));
        tender.setValue(tender.getValue().minus(part));
        rest = rest.minus(part);
      }
    }
    if (rest.isPositive()) {
      throw new IllegalStateException("no tender has room for " + rest + " more");
    }
    return parts;
  }
}
