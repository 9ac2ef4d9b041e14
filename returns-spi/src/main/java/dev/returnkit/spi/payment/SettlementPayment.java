package dev.returnkit.spi.payment;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment a case's settlement planned, and its receipt once paid. Planned payments are stored
 * with the case before anything is paid, so a settlement interrupted by a crash resumes with the
 * same idempotency keys.
 *
 * @param idempotencyKey the key sent to the payment port
 * @param orderLineId the line it refunds, or {@code null} for outbound shipping
 * @param purpose item refund, shipping refund, store credit bonus or exchange difference
 * @param kind refund, store credit or charge
 * @param amount what is to be paid (or, for a charge, taken), above zero
 * @param tender the tender a refund goes back to, or a charge is taken from, with what it
 *     captured; {@code null} for store credit, for refunds planned before orders had tenders
 *     (they went to the order's one payment), and for a charge on an order without tenders
 * @param providerReference the provider's reference once paid, else {@code null}
 * @param paidAt when the provider processed it, else {@code null}
 */
public record SettlementPayment(
    String idempotencyKey,
    OrderLineId orderLineId,
    PaymentPurpose purpose,
    PaymentKind kind,
    Money amount,
    Tender tender,
    String providerReference,
    Instant paidAt) {

  public SettlementPayment {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a planned payment must be above zero, got " + amount);
    }
    if ((orderLineId == null) != (purpose == PaymentPurpose.OUTBOUND_SHIPPING_REFUND)) {
      throw new IllegalArgumentException("an item refund names its order line; a shipping "
          + "refund names none (" + idempotencyKey + ")");
    }
    if (purpose == PaymentPurpose.STORE_CREDIT_BONUS && kind != PaymentKind.STORE_CREDIT) {
      throw new IllegalArgumentException("a store credit bonus is paid as store credit ("
          + idempotencyKey + ")");
    }
    boolean charged = purpose == PaymentPurpose.EXCHANGE_DIFFERENCE
        || purpose == PaymentPurpose.ADVANCE_REPLACEMENT;
    if (charged != (kind == PaymentKind.CHARGE)) {
      throw new IllegalArgumentException("an exchange difference or an advance replacement, "
          + "and only those, is charged (" + idempotencyKey + ")");
    }
    if (tender != null && kind == PaymentKind.STORE_CREDIT) {
      throw new IllegalArgumentException("store credit goes to no tender (" + idempotencyKey
          + ")");
    }
    // The parameters, not refundsTender(): the fields are not assigned yet in here.
    if (kind == PaymentKind.REFUND && tender != null
        && amount.isGreaterThan(tender.captured())) {
      throw new IllegalArgumentException("payment " + idempotencyKey + " of " + amount
          + " is above what tender " + tender.reference() + " captured, " + tender.captured());
    }
    if ((providerReference == null) != (paidAt == null)) {
      throw new IllegalArgumentException(
          "a paid payment has both a provider reference and a time; an unpaid one neither");
    }
  }

  /**
   * A payment with no tender: store credit, or a refund planned before orders had tenders.
   *
   * @param idempotencyKey the key
   * @param orderLineId the line, or null for shipping
   * @param purpose what it pays for
   * @param kind refund or store credit
   * @param amount the amount
   * @param providerReference the provider's reference once paid, else null
   * @param paidAt when it was paid, else null
   */
  public SettlementPayment(String idempotencyKey, OrderLineId orderLineId,
      PaymentPurpose purpose, PaymentKind kind, Money amount, String providerReference,
      Instant paidAt) {
    this(idempotencyKey, orderLineId, purpose, kind, amount, null, providerReference, paidAt);
  }

  /**
   * A planned, not yet paid, payment to a tender (or of store credit, with none).
   *
   * @param idempotencyKey the key
   * @param orderLineId the line, or null for shipping
   * @param purpose what it pays for
   * @param kind refund or store credit
   * @param amount the amount
   * @param tender the tender refunded, or null
   * @return the planned payment
   */
  public static SettlementPayment planned(String idempotencyKey, OrderLineId orderLineId,
      PaymentPurpose purpose, PaymentKind kind, Money amount, Tender tender) {
    return new SettlementPayment(idempotencyKey, orderLineId, purpose, kind, amount, tender,
        null, null);
  }

  /**
   * A planned, not yet paid, payment.
   *
   * @param idempotencyKey the key
   * @param orderLineId the line, or null for shipping
   * @param purpose what it pays for
   * @param kind refund or store credit
   * @param amount the amount
   * @return the planned payment
   */
  public static SettlementPayment planned(String idempotencyKey, OrderLineId orderLineId,
      PaymentPurpose purpose, PaymentKind kind, Money amount) {
    return planned(idempotencyKey, orderLineId, purpose, kind, amount, null);
  }

  /**
   * Whether this is money back to a tender, counted against what the tender captured: a refund
   * that names its tender (not store credit, not a charge).
   *
   * @return true for a refund to a tender
   */
  public boolean refundsTender() {
    return kind == PaymentKind.REFUND && tender != null;
  }

  /**
   * Whether the provider confirmed it.
   *
   * @return true once paid
   */
  public boolean isPaid() {
    return providerReference != null;
  }

  /**
   * This payment with its receipt.
   *
   * @param receipt the provider's receipt for this payment's key
   * @return the paid payment
   * @throws IllegalStateException if this payment already has a receipt
   */
  public SettlementPayment paidWith(PaymentReceipt receipt) {
    if (isPaid()) {
      throw new IllegalStateException("payment " + idempotencyKey + " is already paid ("
          + providerReference + ")");
    }
    if (!receipt.idempotencyKey().equals(idempotencyKey)) {
      throw new IllegalArgumentException("receipt for " + receipt.idempotencyKey()
          + " does not belong to payment " + idempotencyKey);
    }
    if (!receipt.amount().equals(amount) || receipt.kind() != kind) {
      throw new IllegalArgumentException("receipt " + receipt + " does not match payment "
          + idempotencyKey + " of " + kind + " " + amount);
    }
    return new SettlementPayment(idempotencyKey, orderLineId, purpose, kind, amount, tender,
        receipt.providerReference(), receipt.processedAt());
  }
}
