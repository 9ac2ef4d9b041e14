package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.math.BigDecimal;
import java.util.Set;

/**
 * One line to settle. Immutable.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param lineId the order line id
 * @param category the product's category
 * @param reason the customer's reason
 * @param resolution what the customer asked for
 * @param quantity units accepted for settlement
 * @param paidForAccepted what the customer paid for the accepted units (their share of the
 *     order line, after discounts, tax included)
 * @param taxForAccepted the tax in {@code paidForAccepted}
 * @param grade the inspection grade, or {@code null} without inspection
 * @param findings the inspection findings, empty without inspection
 * @param liability who is liable
 * @param disposition what happens to the units, or {@code null} when none came back
 * @param returnless whether the customer keeps the goods
 */
public record SettlementLine(
    int caseKey,
    int lineKey,
    String lineId,
    String category,
    ReturnReason reason,
    Resolution resolution,
    int quantity,
    Money paidForAccepted,
    Money taxForAccepted,
    ItemGrade grade,
    Set<InspectionFinding> findings,
    Liability liability,
    Disposition disposition,
    boolean returnless) implements LineFact, Inspected {

  /** Copies the findings. */
  public SettlementLine {
    findings = Set.copyOf(findings);
  }

  /**
   * What the customer paid for the accepted units, as a plain number in the case's currency,
   * for rules: {@code amount > 200}.
   *
   * @return the amount
   */
  public BigDecimal amount() {
    return paidForAccepted.amount();
  }

  /**
   * What the customer paid for the accepted units in one currency, for rules that hold for it
   * only: {@code paidIn("EUR") > 200} is false for a case in another currency (returnkit
   * converts nothing).
   *
   * @param currency the currency's code, e.g. {@code EUR}
   * @return the amount, or null for a case in another currency
   */
  public BigDecimal paidIn(String currency) {
    return Amounts.in(paidForAccepted, currency);
  }

  /**
   * The case's currency, for rules: {@code currency == "EUR"}.
   *
   * @return the currency's code
   */
  public String currency() {
    return paidForAccepted.currency().getCurrencyCode();
  }
}
