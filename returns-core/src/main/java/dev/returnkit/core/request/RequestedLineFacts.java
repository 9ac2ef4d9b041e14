package dev.returnkit.core.request;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Objects;

/**
 * One requested line as the eligibility policy sees it.
 *
 * @param orderLine the order line, with price, category and final-sale flag
 * @param quantity units requested
 * @param reason why
 * @param resolution what the customer asks for
 * @param note the customer's note, or {@code null}
 * @param alreadyReturned units of this order line already committed to other return cases
 * @param otherOpenCases other return cases still open for this order line
 */
public record RequestedLineFacts(
    OrderLine orderLine,
    int quantity,
    ReturnReason reason,
    Resolution resolution,
    String note,
    int alreadyReturned,
    int otherOpenCases) {

  public RequestedLineFacts {
    Objects.requireNonNull(orderLine, "orderLine");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(resolution, "resolution");
  }

  /**
   * What the customer paid for the requested units.
   *
   * @return the requested units' share of what was paid for the line, tax included
   */
  public Money requestedValue() {
    return orderLine.paidFor(quantity);
  }

  /**
   * Whether the customer wrote a note.
   *
   * @return true for a non-blank note
   */
  public boolean hasNote() {
    return note != null && !note.isBlank();
  }
}
