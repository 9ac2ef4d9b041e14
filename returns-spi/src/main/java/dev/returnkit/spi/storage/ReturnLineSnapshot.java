package dev.returnkit.spi.storage;

import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The stored state of one line of a return case. Immutable.
 *
 * @param orderLineId the order line returned; unique within the case
 * @param sku the product
 * @param category the product's category
 * @param orderLinePaid what the customer paid for the whole order line (all its units bought):
 *     gross, the tax in it and the discounts taken off; a case's units are worth their share
 *     of it ({@link LineValue#units})
 * @param orderedQuantity units bought on the order line
 * @param reason why the customer returns it
 * @param resolution what the customer asked for
 * @param customerNote the customer's explanation, or {@code null}
 * @param verdict the eligibility verdict (after review, the reviewer's)
 * @param verdictCodes reason codes of the verdict
 * @param returnless whether the customer keeps the goods (no shipment)
 * @param quantities requested, approved, received and accepted units
 * @param inspection the warehouse's grade and findings, or {@code null} before inspection
 * @param liability who is liable, or {@code null} before it is decided
 * @param disposition what happens to the units, or {@code null} before it is decided (and for
 *     goods that never come back)
 * @param settlementMethod how the line is settled (refund, store credit, exchange, repair), as
 *     the settlement decided; {@code null} before settlement
 * @param money the settlement amounts, zero before settlement
 * @param replacement for an exchange, the replacement the customer asked for, or {@code null}
 * @param advanceExchange whether the replacement of this exchanged line is sent before the
 *     returned goods arrive (the eligibility policy's advance exchange): units that never come
 *     back, or are not accepted, are then charged at the replacement's price
 */
public record ReturnLineSnapshot(
    OrderLineId orderLineId,
    Sku sku,
    String category,
    LineValue orderLinePaid,
    int orderedQuantity,
    ReturnReason reason,
    Resolution resolution,
    String customerNote,
    LineVerdict verdict,
    List<String> verdictCodes,
    boolean returnless,
    LineQuantities quantities,
    Inspection inspection,
    Liability liability,
    Disposition disposition,
    Resolution settlementMethod,
    LineMoney money,
    ReplacementItem replacement,
    boolean advanceExchange) {

  public ReturnLineSnapshot {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(orderLinePaid, "orderLinePaid");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(quantities, "quantities");
    Objects.requireNonNull(money, "money");
    verdictCodes = List.copyOf(verdictCodes);
    if (quantities.requested() > orderedQuantity) {
      throw new IllegalArgumentException("line " + orderLineId + " requests "
          + quantities.requested() + " of " + orderedQuantity + " bought");
    }
    if (advanceExchange && resolution != Resolution.EXCHANGE) {
      throw new IllegalArgumentException("line " + orderLineId + " asks for " + resolution
          + ": only an exchange is sent in advance");
    }
  }

  /**
   * A line not exchanged in advance.
   *
   * @param orderLineId the order line returned
   * @param sku the product
   * @param category the product's category
   * @param orderLinePaid what was paid for the whole order line
   * @param orderedQuantity units bought on the order line
   * @param reason why the customer returns it
   * @param resolution what the customer asked for
   * @param customerNote the customer's explanation, or null
   * @param verdict the eligibility verdict
   * @param verdictCodes its reason codes
   * @param returnless whether the customer keeps the goods
   * @param quantities requested, approved, received and accepted units
   * @param inspection the inspection, or null
   * @param liability who is liable, or null
   * @param disposition what happens to the units, or null
   * @param settlementMethod how the line is settled, or null
   * @param money the settlement amounts
   * @param replacement for an exchange, the replacement asked for, or null
   */
  public ReturnLineSnapshot(OrderLineId orderLineId, Sku sku, String category,
      LineValue orderLinePaid, int orderedQuantity, ReturnReason reason, Resolution resolution,
      String customerNote, LineVerdict verdict, List<String> verdictCodes, boolean returnless,
      LineQuantities quantities, Inspection inspection, Liability liability,
      Disposition disposition, Resolution settlementMethod, LineMoney money,
      ReplacementItem replacement) {
    this(orderLineId, sku, category, orderLinePaid, orderedQuantity, reason, resolution,
        customerNote, verdict, verdictCodes, returnless, quantities, inspection, liability,
        disposition, settlementMethod, money, replacement, false);
  }

  /**
   * A line with no replacement named.
   *
   * @param orderLineId the order line returned
   * @param sku the product
   * @param category the product's category
   * @param orderLinePaid what was paid for the whole order line
   * @param orderedQuantity units bought on the order line
   * @param reason why the customer returns it
   * @param resolution what the customer asked for
   * @param customerNote the customer's explanation, or null
   * @param verdict the eligibility verdict
   * @param verdictCodes its reason codes
   * @param returnless whether the customer keeps the goods
   * @param quantities requested, approved, received and accepted units
   * @param inspection the inspection, or null
   * @param liability who is liable, or null
   * @param disposition what happens to the units, or null
   * @param settlementMethod how the line is settled, or null
   * @param money the settlement amounts
   */
  public ReturnLineSnapshot(OrderLineId orderLineId, Sku sku, String category,
      LineValue orderLinePaid, int orderedQuantity, ReturnReason reason, Resolution resolution,
      String customerNote, LineVerdict verdict, List<String> verdictCodes, boolean returnless,
      LineQuantities quantities, Inspection inspection, Liability liability,
      Disposition disposition, Resolution settlementMethod, LineMoney money) {
    this(orderLineId, sku, category, orderLinePaid, orderedQuantity, reason, resolution,
        customerNote, verdict, verdictCodes, returnless, quantities, inspection, liability,
        disposition, settlementMethod, money, null, false);
  }

  /**
   * Starts a line of a case. Required: the order line, SKU, category, what was paid for the
   * order line (or a unit price), ordered quantity, reason, resolution, verdict and quantities;
   * the verdict codes default to none, the money to zero in the order line's currency,
   * everything else to absent or false.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this line's values, to change some of them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder().orderLineId(orderLineId).sku(sku).category(category)
        .orderLinePaid(orderLinePaid).orderedQuantity(orderedQuantity).reason(reason)
        .resolution(resolution).customerNote(customerNote).verdict(verdict)
        .verdictCodes(verdictCodes).returnless(returnless).quantities(quantities)
        .inspection(inspection).liability(liability).disposition(disposition)
        .settlementMethod(settlementMethod).money(money).replacement(replacement)
        .advanceExchange(advanceExchange);
  }

  /**
   * This line with another verdict.
   *
   * @param newVerdict the verdict
   * @param codes its reason codes
   * @return the changed line
   */
  public ReturnLineSnapshot withVerdict(LineVerdict newVerdict, List<String> codes) {
    return toBuilder().verdict(newVerdict).verdictCodes(codes).build();
  }

  /**
   * This line with the advance-exchange flag set or cleared.
   *
   * @param inAdvance whether the replacement is sent before the goods arrive
   * @return the changed line
   */
  public ReturnLineSnapshot withAdvanceExchange(boolean inAdvance) {
    return inAdvance == advanceExchange ? this : toBuilder().advanceExchange(inAdvance).build();
  }

  /**
   * This line with the returnless flag set or cleared.
   *
   * @param keepsGoods whether the customer keeps the goods
   * @return the changed line
   */
  public ReturnLineSnapshot withReturnless(boolean keepsGoods) {
    return keepsGoods == returnless ? this : toBuilder().returnless(keepsGoods).build();
  }

  /**
   * This line with other quantities.
   *
   * @param newQuantities the quantities
   * @return the changed line
   */
  public ReturnLineSnapshot withQuantities(LineQuantities newQuantities) {
    return toBuilder().quantities(newQuantities).build();
  }

  /**
   * This line with the liability decided.
   *
   * @param decided who is liable
   * @return the changed line
   */
  public ReturnLineSnapshot withLiability(Liability decided) {
    return toBuilder().liability(decided).build();
  }

  /**
   * This line with its inspection and the liability and disposition decided on it.
   *
   * @param result the warehouse's grade and findings
   * @param decidedLiability who is liable
   * @param decidedDisposition what happens to the units
   * @return the changed line
   */
  public ReturnLineSnapshot withInspection(Inspection result, Liability decidedLiability,
      Disposition decidedDisposition) {
    return toBuilder().inspection(result).liability(decidedLiability)
        .disposition(decidedDisposition).build();
  }

  /**
   * This line with its settlement.
   *
   * @param method how it is settled
   * @param decided its money
   * @return the changed line
   */
  public ReturnLineSnapshot withSettlement(Resolution method, LineMoney decided) {
    return toBuilder().settlementMethod(method).money(decided).build();
  }

  /**
   * This line with other money (a payment recorded, say).
   *
   * @param newMoney the money
   * @return the changed line
   */
  public ReturnLineSnapshot withMoney(LineMoney newMoney) {
    return toBuilder().money(newMoney).build();
  }

  /**
   * Whether units of this line were approved to come back (or to be kept, for a returnless
   * refund).
   *
   * @return true for an approved line with at least one approved unit
   */
  public boolean isApproved() {
    return verdict == LineVerdict.APPROVED && quantities.approved() > 0;
  }

  /**
   * What some units of the order line are worth as the first ones returned, tax included: what
   * review thresholds and approval limits weigh. (A settlement refunds the exact share of its
   * units after those other cases settled, which differs from this by at most a minor unit per
   * unit.)
   *
   * @param units how many units
   * @return their share of what was paid for the order line
   */
  public Money paidFor(int units) {
    return orderLinePaid.units(orderedQuantity, 0, units).gross();
  }

  /**
   * The line's currency.
   *
   * @return the currency of what was paid for the order line
   */
  public Currency currency() {
    return orderLinePaid.currency();
  }

  /**
   * How many units of its order line this line holds, so that no other case can return them
   * again: what may still come back while the case is open, what did come back once goods
   * arrived, nothing once the case ended without goods. Storage adapters use it to refuse a
   * write that would hold more units of an order line than were bought.
   *
   * @param caseStatus the state of the line's case
   * @return the units held
   */
  public int unitsHeld(ReturnStatus caseStatus) {
    return switch (caseStatus) {
      case REJECTED, CANCELLED, EXPIRED -> 0;
      case IN_REVIEW, APPROVED, AWAITING_RETURN, IN_TRANSIT, DELIVERED, LOST_IN_TRANSIT ->
          switch (verdict) {
            case APPROVED -> quantities.approved();
            case IN_REVIEW -> quantities.requested();
            case REJECTED -> 0;
          };
      // accepted exceeds received only where no goods travel (returnless, lost): then the
      // accepted units are the ones settled.
      case RECEIVED, INSPECTED, SETTLING, COMPLETED ->
          Math.max(quantities.received(), quantities.accepted());
    };
  }

  /**
   * Builds a {@link ReturnLineSnapshot}; {@link #build()} applies the record's checks. Not
   * thread-safe.
   */
  public static final class Builder {

    private OrderLineId orderLineId;
    private Sku sku;
    private String category;
    private LineValue orderLinePaid;
    private Money unitPrice;
    private int orderedQuantity;
    private ReturnReason reason;
    private Resolution resolution;
    private String customerNote;
    private LineVerdict verdict;
    private List<String> verdictCodes = List.of();
    private boolean returnless;
    private LineQuantities quantities;
    private Inspection inspection;
    private Liability liability;
    private Disposition disposition;
    private Resolution settlementMethod;
    private LineMoney money;
    private ReplacementItem replacement;
    private boolean advanceExchange;

    private Builder() {}

    /** @param value the order line returned @return this */
    public Builder orderLineId(OrderLineId value) {
      this.orderLineId = value;
      return this;
    }

    /** @param value the product @return this */
    public Builder sku(Sku value) {
      this.sku = value;
      return this;
    }

    /** @param value the product's category @return this */
    public Builder category(String value) {
      this.category = value;
      return this;
    }

    /** @param value what was paid for the whole order line @return this */
    public Builder orderLinePaid(LineValue value) {
      this.orderLinePaid = value;
      this.unitPrice = null;
      return this;
    }

    /**
     * For a line of a simple order: every unit bought was paid this, with no tax and no
     * discount (what was paid for the order line is this times the ordered quantity).
     *
     * @param value what the customer paid per unit
     * @return this
     */
    public Builder unitPrice(Money value) {
      this.unitPrice = value;
      this.orderLinePaid = null;
      return this;
    }

    /** @param value units bought on the order line @return this */
    public Builder orderedQuantity(int value) {
      this.orderedQuantity = value;
      return this;
    }

    /** @param value why the customer returns it @return this */
    public Builder reason(ReturnReason value) {
      this.reason = value;
      return this;
    }

    /** @param value what the customer asked for @return this */
    public Builder resolution(Resolution value) {
      this.resolution = value;
      return this;
    }

    /** @param value the customer's explanation, or null @return this */
    public Builder customerNote(String value) {
      this.customerNote = value;
      return this;
    }

    /** @param value the eligibility verdict @return this */
    public Builder verdict(LineVerdict value) {
      this.verdict = value;
      return this;
    }

    /** @param value the verdict's reason codes @return this */
    public Builder verdictCodes(List<String> value) {
      this.verdictCodes = value;
      return this;
    }

    /** @param value whether the customer keeps the goods @return this */
    public Builder returnless(boolean value) {
      this.returnless = value;
      return this;
    }

    /** @param value requested, approved, received and accepted units @return this */
    public Builder quantities(LineQuantities value) {
      this.quantities = value;
      return this;
    }

    /** @param value the inspection, or null @return this */
    public Builder inspection(Inspection value) {
      this.inspection = value;
      return this;
    }

    /** @param value who is liable, or null @return this */
    public Builder liability(Liability value) {
      this.liability = value;
      return this;
    }

    /** @param value what happens to the units, or null @return this */
    public Builder disposition(Disposition value) {
      this.disposition = value;
      return this;
    }

    /** @param value how the line is settled, or null @return this */
    public Builder settlementMethod(Resolution value) {
      this.settlementMethod = value;
      return this;
    }

    /** @param value the settlement amounts; null for zero @return this */
    public Builder money(LineMoney value) {
      this.money = value;
      return this;
    }

    /** @param value for an exchange, the replacement asked for, or null @return this */
    public Builder replacement(ReplacementItem value) {
      this.replacement = value;
      return this;
    }

    /** @param value whether the replacement is sent before the goods arrive @return this */
    public Builder advanceExchange(boolean value) {
      this.advanceExchange = value;
      return this;
    }

    /**
     * Builds the line.
     *
     * @return the line
     * @throws NullPointerException if a required value is missing
     * @throws IllegalArgumentException if the values contradict each other
     */
    public ReturnLineSnapshot build() {
      LineValue paid = orderLinePaid;
      if (paid == null) {
        Objects.requireNonNull(unitPrice, "orderLinePaid (or unitPrice)");
        paid = LineValue.untaxed(unitPrice.times(orderedQuantity));
      }
      return new ReturnLineSnapshot(orderLineId, sku, category, paid, orderedQuantity,
          reason, resolution, customerNote, verdict, verdictCodes, returnless, quantities,
          inspection, liability, disposition, settlementMethod,
          money == null ? LineMoney.zero(paid.currency()) : money, replacement,
          advanceExchange);
    }
  }
}
