package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;

/**
 * A requested case as a whole, for rules about the request rather than one line: its total
 * value (for review and returnless limits, so that splitting a request into cheap lines changes
 * nothing), and who pays the return shipment. Its lines are the {@link EligibilityLine}s with
 * the same case key.
 *
 * @param caseKey the case
 * @param value what the customer paid for every requested unit of the request together
 */
public record EligibilityCase(int caseKey, Money value) implements CaseFact {

  /**
   * What was paid for the whole request, as a plain number in the case's currency, for rules:
   * {@code amount > 500}.
   *
   * @return the amount
   */
  public BigDecimal amount() {
    return value.amount();
  }

  /**
   * What was paid for the whole request in one currency, for rules that hold for it only:
   * {@code valueIn("EUR") > 500} is false for a case in another currency (returnkit converts
   * nothing).
   *
   * @param currency the currency's code, e.g. {@code EUR}
   * @return the amount, or null for a case in another currency
   */
  public BigDecimal valueIn(String currency) {
    return Amounts.in(value, currency);
  }

  /**
   * The case's currency, for rules: {@code currency == "EUR"}.
   *
   * @return the currency's code
   */
  public String currency() {
    return value.currency().getCurrencyCode();
  }
}
