package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;

/**
 * One requested line, with everything the eligibility rules look at: the order line, the
 * request, the delivery, and the customer's recent returns. Immutable.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param lineId the order line id
 * @param category the product's category
 * @param finalSale whether the line was sold as final sale
 * @param quantity units requested
 * @param bought units bought
 * @param alreadyReturned units of the order line held by other return cases
 * @param otherOpenCases other open return cases for the order line
 * @param value what the customer paid for the requested units
 * @param reason why the customer returns it
 * @param family the reason's family
 * @param resolution what the customer asks for
 * @param hasNote whether the customer wrote a note
 * @param delivered whether the order was delivered
 * @param daysSinceDelivery whole days from delivery to the request (0 if not delivered)
 * @param returnRate the customer's units returned per unit bought, last 90 days
 * @param returnCases the customer's return cases, last 90 days
 */
public record EligibilityLine(
    int caseKey,
    int lineKey,
    String lineId,
    String category,
    boolean finalSale,
    int quantity,
    int bought,
    int alreadyReturned,
    int otherOpenCases,
    Money value,
    ReturnReason reason,
    ReasonFamily family,
    Resolution resolution,
    boolean hasNote,
    boolean delivered,
    long daysSinceDelivery,
    double returnRate,
    int returnCases) implements LineFact {

  /**
   * What was paid for the requested units, as a plain number in the case's currency, for rules:
   * {@code amount > 500}.
   *
   * @return the amount
   */
  public BigDecimal amount() {
    return value.amount();
  }

  /**
   * What was paid for the requested units in one currency, for rules that hold for it only:
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
