package dev.returnkit.core.settlement;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.storage.ReturnLineSnapshot;

/**
 * The share of what was paid for an order line that a case's accepted units are worth. Units of
 * a line are alike; the cases of an order settle one at a time (under the order's lock), and
 * each takes the share of its units after the units the order's settled cases took, so that
 * all units, over any number of cases, are worth exactly what was paid for the line, and the
 * last unit takes the remainder of the rounding ({@link LineValue#units}).
 */
public final class SettlementShares {

  private SettlementShares() {}

  /**
   * What a line's accepted units were paid.
   *
   * @param line the case's line
   * @param ledger what the order's other cases settled
   * @return the accepted units' share of the order line: gross, tax, discount
   */
  public static LineValue accepted(ReturnLineSnapshot line, OrderReturnLedger ledger) {
    int accepted = line.quantities().accepted();
    // The order limits keep settled units within what was bought; min() only guards the
    // arithmetic against a ledger read from stores changed behind returnkit's back.
    int before = Math.min(ledger.unitsSettled(line.orderLineId()),
        line.orderedQuantity() - accepted);
    return line.orderLinePaid().units(line.orderedQuantity(), before, accepted);
  }
}
