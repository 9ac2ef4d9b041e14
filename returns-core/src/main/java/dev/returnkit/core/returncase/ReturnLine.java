package dev.returnkit.core.returncase;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.List;
import java.util.Optional;

/**
 * One line of a {@link ReturnCase}: an order line, how many units of it move through the
 * return, and what was decided about them.
 *
 * <p>An entity inside the aggregate: only {@link ReturnCase} changes it (its mutators are
 * package-private), after checking the whole command. Not thread-safe, like the aggregate.
 */
public final class ReturnLine {

  private final OrderLineId orderLineId;
  private final Sku sku;
  private final String category;
  private final Money unitPrice;
  private final int orderedQuantity;
  private final ReturnReason reason;
  private final Resolution resolution;
  private final String customerNote;
  private LineVerdict verdict;
  private List<String> verdictCodes;
  private boolean returnless;
  private LineQuantities quantities;
  private Inspection inspection;
  private Liability liability;
  private Disposition disposition;
  private Resolution settlementMethod;
  private LineMoney money;

  private ReturnLine(ReturnLineSnapshot s) {
    this.orderLineId = s.orderLineId();
    this.sku = s.sku();
    this.category = s.category();
    this.unitPrice = s.unitPrice();
    this.orderedQuantity = s.orderedQuantity();
    this.reason = s.reason();
    this.resolution = s.resolution();
    this.customerNote = s.customerNote();
    this.verdict = s.verdict();
    this.verdictCodes = s.verdictCodes();
    this.returnless = s.returnless();
    this.quantities = s.quantities();
    this.inspection = s.inspection();
    this.liability = s.liability();
    this.disposition = s.disposition();
    this.settlementMethod = s.settlementMethod();
    this.money = s.money();
  }

  static ReturnLine fromSnapshot(ReturnLineSnapshot snapshot) {
    return new ReturnLine(snapshot);
  }

  /**
   * The line's state as a snapshot.
   *
   * @return an immutable copy
   */
  public ReturnLineSnapshot toSnapshot() {
    return new ReturnLineSnapshot(orderLineId, sku, category, unitPrice, orderedQuantity, reason,
        resolution, customerNote, verdict, verdictCodes, returnless, quantities, inspection,
        liability, disposition, settlementMethod, money);
  }

  /**
   * The order line.
   *
   * @return the order line id
   */
  public OrderLineId orderLineId() {
    return orderLineId;
  }

  /**
   * The product.
   *
   * @return the SKU
   */
  public Sku sku() {
    return sku;
  }

  /**
   * The product's category.
   *
   * @return the category
   */
  public String category() {
    return category;
  }

  /**
   * What the customer paid per unit.
   *
   * @return the unit price
   */
  public Money unitPrice() {
    return unitPrice;
  }

  /**
   * Units bought on the order line.
   *
   * @return the ordered quantity
   */
  public int orderedQuantity() {
    return orderedQuantity;
  }

  /**
   * Why the customer returns it.
   *
   * @return the reason
   */
  public ReturnReason reason() {
    return reason;
  }

  /**
   * What the customer asked for.
   *
   * @return the resolution
   */
  public Resolution resolution() {
    return resolution;
  }

  /**
   * The customer's note.
   *
   * @return the note, or empty
   */
  public Optional<String> customerNote() {
    return Optional.ofNullable(customerNote);
  }

  /**
   * The eligibility verdict.
   *
   * @return the verdict
   */
  public LineVerdict verdict() {
    return verdict;
  }

  /**
   * The verdict's reason codes.
   *
   * @return the codes
   */
  public List<String> verdictCodes() {
    return verdictCodes;
  }

  /**
   * Whether the customer keeps the goods.
   *
   * @return true for a returnless line
   */
  public boolean returnless() {
    return returnless;
  }

  /**
   * Requested, approved, received and accepted units.
   *
   * @return the quantities
   */
  public LineQuantities quantities() {
    return quantities;
  }

  /**
   * The inspection.
   *
   * @return the inspection, or empty before it
   */
  public Optional<Inspection> inspection() {
    return Optional.ofNullable(inspection);
  }

  /**
   * Who is liable.
   *
   * @return the liability, or empty before it is decided
   */
  public Optional<Liability> liability() {
    return Optional.ofNullable(liability);
  }

  /**
   * What happens to the units.
   *
   * @return the disposition, or empty
   */
  public Optional<Disposition> disposition() {
    return Optional.ofNullable(disposition);
  }

  /**
   * How the line is settled.
   *
   * @return refund, store credit, exchange or repair; empty before settlement
   */
  public Optional<Resolution> settlementMethod() {
    return Optional.ofNullable(settlementMethod);
  }

  /**
   * The settlement amounts.
   *
   * @return the money, zero before settlement
   */
  public LineMoney money() {
    return money;
  }

  boolean isApproved() {
    return verdict == LineVerdict.APPROVED && quantities.approved() > 0;
  }

  void decide(LineVerdict newVerdict, List<String> codes, int approved, boolean keepGoods) {
    verdict = newVerdict;
    verdictCodes = List.copyOf(codes);
    quantities = new LineQuantities(quantities.requested(), approved, 0, 0);
    returnless = keepGoods;
  }

  void clearReturnless() {
    returnless = false;
  }

  void receive(int received) {
    quantities = new LineQuantities(quantities.requested(), quantities.approved(), received, 0);
  }

  void acceptWithoutGoods(Liability decided) {
    quantities = new LineQuantities(quantities.requested(), quantities.approved(), 0,
        quantities.approved());
    liability = decided;
  }

  void inspect(int accepted, Inspection result, Liability decidedLiability,
      Disposition decidedDisposition) {
    quantities = new LineQuantities(quantities.requested(), quantities.approved(),
        quantities.received(), accepted);
    inspection = result;
    liability = decidedLiability;
    disposition = decidedDisposition;
  }

  void settle(Resolution method, LineMoney decided) {
    settlementMethod = method;
    money = decided;
  }

  void recordPaid(Money amount) {
    money = new LineMoney(money.itemRefund(), money.restockingFee(), money.returnShippingCharge(),
        money.paidOut().plus(amount));
  }
}
