package dev.returnkit.examples.report;

import dev.returnkit.examples.demo.SimulationResult;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseMoney;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The month's money by tender, twice: as returnkit's cases have it (the payments they confirmed)
 * and as the payment provider's books have it (the instructions it paid), so that each tender
 * reconciles on its own; and beside it the money of the orders' details: the tax refunded, the
 * discounts the returned goods had, promotions clawed back, the exchanges' differences and the
 * replacements sent ahead of goods that never came back.
 *
 * @param rows one per tender kind that any money went to or came from, in {@link TenderType}
 *     order
 * @param taxRefunded the tax in what the completed cases paid back for their lines
 * @param discountShare what coupons and promotions had taken off the returned units
 * @param clawedBack promotions clawed back from refunds, less any given back
 * @param exchangeDifferencesRefunded what exchanges for cheaper items paid back
 * @param exchangeDifferencesCharged what exchanges for dearer items charged
 * @param advanceReplacementsCharged what replacements sent ahead of goods that never came
 *     back were charged
 */
public record TenderBooks(List<Row> rows, Money taxRefunded, Money discountShare,
    Money clawedBack, Money exchangeDifferencesRefunded, Money exchangeDifferencesCharged,
    Money advanceReplacementsCharged) {

  // The columns of a row while the books are added up.
  private static final int CASES_REFUNDED = 0;
  private static final int PROVIDER_REFUNDED = 1;
  private static final int CASES_CHARGED = 2;
  private static final int PROVIDER_CHARGED = 3;

  /** Copies the rows. */
  public TenderBooks {
    rows = List.copyOf(rows);
  }

  /**
   * One tender kind's money, in the cases and in the provider's books.
   *
   * @param tender the tender kind
   * @param refunded refunds the cases confirmed to tenders of this kind
   * @param providerRefunded refunds the provider paid to tenders of this kind
   * @param charged exchange differences and advance replacements the cases confirmed charged
   *     to this kind
   * @param providerCharged charges the provider made on this kind
   */
  public record Row(TenderType tender, Money refunded, Money providerRefunded, Money charged,
      Money providerCharged) {

    /**
     * Whether the cases and the provider agree on this tender.
     *
     * @return true if both refunds and charges are equal
     */
    public boolean reconciles() {
      return refunded.equals(providerRefunded) && charged.equals(providerCharged);
    }
  }

  /**
   * The books of a run.
   *
   * @param result the run
   * @param currency the shop's currency
   * @return the books
   */
  static TenderBooks of(SimulationResult result, Currency currency) {
    Money zero = Money.zero(currency);
    Map<TenderType, Money[]> byTender = new EnumMap<>(TenderType.class);
    Money tax = zero;
    Money discount = zero;
    Money clawedBack = zero;
    Money exchangeRefunded = zero;
    Money advanceCharged = zero;
    for (ReturnCaseSnapshot c : result.cases()) {
      for (SettlementPayment payment : c.payments()) {
        if (!payment.isPaid() || payment.kind() == PaymentKind.STORE_CREDIT) {
          continue;
        }
        if (payment.purpose() == PaymentPurpose.ADVANCE_REPLACEMENT) {
          advanceCharged = advanceCharged.plus(payment.amount());
        }
        // A refund planned before orders had tenders went to the order's one card.
        TenderType type = payment.tender() == null ? TenderType.CARD : payment.tender().type();
        add(byTender, type, payment.kind() == PaymentKind.REFUND ? CASES_REFUNDED
            : CASES_CHARGED, payment.amount(),
            zero);
      }
      if (c.status() != ReturnStatus.COMPLETED) {
        continue;
      }
      CaseMoney money = c.money();
      tax = tax.plus(money.tax());
      discount = discount.plus(money.discountShare());
      clawedBack = clawedBack.plus(money.clawback());
      exchangeRefunded = exchangeRefunded.plus(exchangeRefunds(c));
    }
    for (PaymentInstruction paid : result.paid()) {
      if (paid.kind() != PaymentKind.STORE_CREDIT) {
        TenderType type = paid.tender() == null ? TenderType.CARD : paid.tender();
        add(byTender, type, paid.kind() == PaymentKind.REFUND ? PROVIDER_REFUNDED
            : PROVIDER_CHARGED, paid.amount(), zero);
      }
    }
    List<Row> rows = new ArrayList<>();
    Money charged = zero;
    for (Map.Entry<TenderType, Money[]> entry : byTender.entrySet()) {
      Money[] m = entry.getValue();
      rows.add(new Row(entry.getKey(), m[CASES_REFUNDED], m[PROVIDER_REFUNDED],
          m[CASES_CHARGED], m[PROVIDER_CHARGED]));
      charged = charged.plus(m[CASES_CHARGED]);
    }
    return new TenderBooks(rows, tax, discount, clawedBack, exchangeRefunded,
        charged.minus(advanceCharged), advanceCharged);
  }

  /**
   * Where the cases and the provider's books disagree, one sentence per tender kind.
   *
   * @return the disagreements, empty when every tender reconciles
   */
  List<String> disagreements() {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      if (!row.reconciles()) {
        problems.add(row.tender() + " does not reconcile: cases refunded " + row.refunded()
            + " and charged " + row.charged() + ", provider refunded " + row.providerRefunded()
            + " and charged " + row.providerCharged());
      }
    }
    return problems;
  }

  /** What a completed case paid back for its lines settled by exchange: their differences. */
  private static Money exchangeRefunds(ReturnCaseSnapshot c) {
    Money total = Money.zero(c.currency());
    for (SettlementPayment payment : c.payments()) {
      if (payment.purpose() == PaymentPurpose.ITEM_REFUND && payment.orderLineId() != null
          && c.line(payment.orderLineId()).map(ReturnLineSnapshot::settlementMethod)
              .orElse(null) == Resolution.EXCHANGE) {
        total = total.plus(payment.amount());
      }
    }
    return total;
  }

  private static void add(Map<TenderType, Money[]> byTender, TenderType type, int column,
      Money amount, Money zero) {
    Money[] row = byTender.computeIfAbsent(type, t -> new Money[] {zero, zero, zero, zero});
    row[column] = row[column].plus(amount);
  }
}
