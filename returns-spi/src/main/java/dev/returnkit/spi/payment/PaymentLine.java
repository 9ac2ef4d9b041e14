package dev.returnkit.spi.payment;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import java.util.Objects;

/**
 * What one payment pays for one order line, as buy-now-pay-later providers, tax apps and
 * accountants need it: which line, how many of its units, and the amount split into net and tax.
 *
 * @param orderLineId the order line
 * @param units the units returned that the payment is for
 * @param net the amount less its tax
 * @param tax the tax in the amount
 * @param gross the amount, {@code net + tax}
 */
public record PaymentLine(OrderLineId orderLineId, int units, Money net, Money tax,
    Money gross) {

  public PaymentLine {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(gross, "gross");
    if (units < 1) {
      throw new IllegalArgumentException("a payment line is for at least one unit, got "
          + units);
    }
    if (net.isNegative() || tax.isNegative() || !net.plus(tax).equals(gross)) {
      throw new IllegalArgumentException("a payment line's net " + net + " and tax " + tax
          + " must add up to its gross " + gross);
    }
  }
}
