package dev.returnkit.rules.verify;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One row of a scenario file: a return of one order line, what happened to it, and what the
 * policy owner expects the rules to decide. Expectations left empty ({@code null}) are not
 * checked.
 *
 * @param name the case's name
 * @param line the line of the scenario file it came from
 * @param description what the case is about
 * @param category the product's category
 * @param price what the customer paid per unit
 * @param quantity units returned
 * @param bought units bought
 * @param finalSale whether the line was sold as final sale
 * @param deliveredDaysAgo days from delivery to the request, or {@code null} if not delivered
 * @param reason why the customer returns it
 * @param note the customer's note, or {@code null}
 * @param resolution what the customer asks for
 * @param returnRate the customer's return rate over 90 days
 * @param returnCases the customer's return cases over 90 days
 * @param alreadyReturned units of the line held by other cases
 * @param openRequests other open cases for the line
 * @param grade the inspection grade, or {@code null} when not inspected
 * @param findings the inspection findings
 * @param lost whether the carrier lost the parcel
 * @param shippingPaid outbound shipping the customer paid
 * @param taxRate the line's tax rate in percent, included in the price (zero: untaxed)
 * @param lineDiscount what a discount took off the line in all, or {@code null}
 * @param giftCard what a gift card paid of the order (the rest by card), or {@code null}
 * @param promotion a threshold promotion on the order ("EUR 10.00 off from EUR 100.00"), or
 *     {@code null}
 * @param replacementPrice for an exchange, the price of one unit of the replacement the
 *     customer asks for (as many units as are returned), or {@code null} for none named
 * @param expected what the rules should decide
 */
public record Scenario(
    String name,
    int line,
    String description,
    String category,
    Money price,
    int quantity,
    int bought,
    boolean finalSale,
    Integer deliveredDaysAgo,
    ReturnReason reason,
    String note,
    Resolution resolution,
    double returnRate,
    int returnCases,
    int alreadyReturned,
    int openRequests,
    ItemGrade grade,
    Set<InspectionFinding> findings,
    boolean lost,
    Money shippingPaid,
    BigDecimal taxRate,
    Money lineDiscount,
    Money giftCard,
    Promotion promotion,
    Money replacementPrice,
    Expected expected) {

  /** Copies the findings. */
  public Scenario {
    findings = Set.copyOf(findings);
  }

  /**
   * A threshold promotion on the scenario's order: {@code amount} off when the goods bought
   * reach {@code minimumSubtotal}. A return that leaves the kept goods below it may claw the
   * promotion back (setting {@code promotion.clawback}).
   *
   * @param amount what the promotion took off the order
   * @param minimumSubtotal the subtotal the order needed for it
   */
  public record Promotion(Money amount, Money minimumSubtotal) {}

  /**
   * What a policy owner expects; {@code null} fields are not checked.
   *
   * @param status {@code APPROVED}, {@code RETURNLESS}, {@code IN_REVIEW} or {@code REJECTED}
   * @param codes reason codes that must be among the eligibility codes
   * @param liability the liable party
   * @param disposition the disposition
   * @param refund the money back to the customer: items, minus fee and charge, plus shipping
   * @param fee the restocking fee
   * @param shippingCharge the return shipping charged
   * @param outboundRefund the outbound shipping refunded
   * @param tax the tax in the refund
   * @param toGiftCard what goes back to the gift card
   * @param exchangeCharge what an exchange for a dearer item charges the customer
   * @param markdown the open-box markdown in percent
   */
  public record Expected(
      String status,
      List<String> codes,
      Liability liability,
      Disposition disposition,
      Money refund,
      Money fee,
      Money shippingCharge,
      Money outboundRefund,
      Money tax,
      Money toGiftCard,
      Money exchangeCharge,
      BigDecimal markdown) {

    /** Copies the codes. */
    public Expected {
      codes = codes == null ? List.of() : List.copyOf(codes);
    }
  }
}
