package dev.returnkit.spi.storage;

import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest of a case's state that each history entry seals ({@link
 * dev.returnkit.spi.history.HistoryEntry#stateDigest()}): SHA-256, in hex, of a length-prefixed
 * encoding of every field of a {@link ReturnCaseSnapshot} but its {@code version} and {@code
 * historyHead} (which the entry itself determines). A stored case whose digest is not its last
 * entry's was changed behind the history's back.
 *
 * <p>The encoding is a format of its own, listed field by field here, so a rename in Java cannot
 * change a digest; the SHA-256 is taken over the encoding's UTF-16 code units. Free text (notes)
 * enters by its own digest. {@link #of} writes the current format, {@code returnkit-state-2}
 * (each line with what was paid for its order line: gross, tax, discount). Entries written
 * before it sealed {@code returnkit-state-1} (a unit price per line); {@link #seals} accepts
 * that older digest for a case it can describe (every line untaxed, undiscounted and paid the
 * same per unit), so stored cases keep verifying until their next change re-seals them.
 * Stateless and thread-safe.
 */
public final class StateDigest {

  private static final String FORMAT = "returnkit-state-2";
  private static final String FORMAT_1 = "returnkit-state-1";
  private static final HexFormat HEX = HexFormat.of();
  // One digest per thread, as HistoryChain keeps one: every command digests its new state
  // (and the case it loads), and looking up a provider each time is a measurable cost.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(StateDigest::sha256);

  private StateDigest() {}

  /**
   * The digest of a case's state.
   *
   * @param c the case
   * @return 64 hex digits
   */
  public static String of(ReturnCaseSnapshot c) {
    return encode(c, false);
  }

  /**
   * Whether a digest seals a case's state: it is the case's digest in the current format, or in
   * {@code returnkit-state-1} for a case that format can describe.
   *
   * @param c the case as stored
   * @param digest the digest its last history entry sealed
   * @return true if the digest is the case's
   */
  public static boolean seals(ReturnCaseSnapshot c, String digest) {
    if (digest.equals(of(c))) {
      return true;
    }
    return describableInFormat1(c) && digest.equals(encode(c, true));
  }

  private static boolean describableInFormat1(ReturnCaseSnapshot c) {
    for (ReturnLineSnapshot line : c.lines()) {
      LineValue paid = line.orderLinePaid();
      LineMoney money = line.money();
      if (!paid.tax().isZero() || !paid.discount().isZero() || !paid.gross().amount()
          .unscaledValue().mod(BigInteger.valueOf(line.orderedQuantity())).equals(
              BigInteger.ZERO)
          || !money.refundTax().isZero() || !money.discountShare().isZero()
          || !money.clawback().isZero() || line.replacement() != null
          || line.advanceExchange()) {
        return false;
      }
    }
    return c.payments().stream().allMatch(payment -> payment.tender() == null);
  }

  private static String encode(ReturnCaseSnapshot c, boolean format1) {
    StringBuilder out = new StringBuilder(1024);
    field(out, format1 ? FORMAT_1 : FORMAT);
    field(out, c.id().value());
    field(out, c.orderId().value());
    field(out, c.customerId().value());
    field(out, c.status().name());
    instant(out, c.requestedAt());
    instant(out, c.updatedAt());
    instant(out, c.dueAt());
    field(out, c.returnShippingPaidBy().name());
    shipment(out, c.shipment());
    money(out, c.outboundShippingPaid());
    money(out, c.outboundShippingRefund());
    count(out, c.lines().size());
    for (ReturnLineSnapshot line : c.lines()) {
      line(out, line, format1);
    }
    count(out, c.payments().size());
    for (SettlementPayment payment : c.payments()) {
      field(out, payment.idempotencyKey());
      field(out, payment.orderLineId() == null ? null : payment.orderLineId().value());
      field(out, payment.purpose().name());
      field(out, payment.kind().name());
      money(out, payment.amount());
      if (!format1) {
        Tender tender = payment.tender();
        field(out, tender == null ? null : tender.type().name());
        field(out, tender == null ? null : tender.reference());
        if (tender != null) {
          money(out, tender.captured());
        }
      }
      field(out, payment.providerReference());
      instant(out, payment.paidAt());
    }
    return digest(out.toString());
  }

  private static void line(StringBuilder out, ReturnLineSnapshot line, boolean format1) {
    // Format 2 adds what was paid for the order line (gross, tax, discount) in place of a unit
    // price, the line money's tax, discount and clawback, an exchange's replacement, and each
    // payment's tender.
    field(out, line.orderLineId().value());
    field(out, line.sku().value());
    field(out, line.category());
    LineValue paid = line.orderLinePaid();
    if (format1) {
      Money gross = paid.gross();
      money(out, Money.of(gross.amount().divide(BigDecimal.valueOf(line.orderedQuantity()))
          .setScale(gross.amount().scale()), gross.currency()));
    } else {
      money(out, paid.gross());
      money(out, paid.tax());
      money(out, paid.discount());
    }
    field(out, Integer.toString(line.orderedQuantity()));
    field(out, line.reason().name());
    field(out, line.resolution().name());
    field(out, digest(line.customerNote()));
    field(out, line.verdict().name());
    list(out, line.verdictCodes());
    field(out, Boolean.toString(line.returnless()));
    LineQuantities q = line.quantities();
    field(out, q.requested() + "/" + q.approved() + "/" + q.received() + "/" + q.accepted());
    Inspection inspection = line.inspection();
    if (inspection == null) {
      field(out, null);
    } else {
      field(out, inspection.grade().name());
      // Sorted by name: a set has no order of its own.
      list(out, inspection.findings().stream().map(InspectionFinding::name).sorted().toList());
      field(out, digest(inspection.note()));
    }
    field(out, line.liability() == null ? null : line.liability().name());
    field(out, line.disposition() == null ? null : line.disposition().name());
    field(out, line.settlementMethod() == null ? null : line.settlementMethod().name());
    LineMoney money = line.money();
    money(out, money.itemRefund());
    money(out, money.restockingFee());
    money(out, money.returnShippingCharge());
    money(out, money.paidOut());
    if (!format1) {
      money(out, money.refundTax());
      money(out, money.discountShare());
      money(out, money.clawback());
      ReplacementItem replacement = line.replacement();
      field(out, replacement == null ? null : replacement.sku().value());
      if (replacement != null) {
        field(out, Integer.toString(replacement.quantity()));
        money(out, replacement.unitPrice());
      }
      // Only when set: the cases sealed before advance exchanges existed keep their digests.
      if (line.advanceExchange()) {
        field(out, "advance-exchange");
      }
    }
  }

  private static void shipment(StringBuilder out, ShipmentArrangement shipment) {
    if (shipment == null) {
      field(out, null);
      return;
    }
    field(out, shipment.carrier());
    field(out, shipment.trackingNumber());
    field(out, shipment.method().name());
    field(out, shipment.labelUrl());
    instant(out, shipment.dropOffDeadline());
    instant(out, shipment.arrangedAt());
  }

  /**
   * SHA-256 of the text's UTF-16 code units, two bytes each: exact for any Java string, even one
   * holding a lone surrogate (stored cases may, from before input was checked for them), where
   * UTF-8 would have to refuse or replace it.
   */
  private static String digest(String text) {
    if (text == null) {
      return null;
    }
    byte[] bytes = new byte[text.length() * 2];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes[2 * i] = (byte) (c >>> 8);
      bytes[2 * i + 1] = (byte) c;
    }
    return HEX.formatHex(SHA_256.get().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static void money(StringBuilder out, Money money) {
    field(out, money.amount().toPlainString() + " " + money.currency().getCurrencyCode());
  }

  private static void instant(StringBuilder out, Instant at) {
    field(out, at == null ? null : at.toString());
  }

  private static void list(StringBuilder out, List<String> values) {
    count(out, values.size());
    for (String value : values) {
      field(out, value);
    }
  }

  private static void count(StringBuilder out, int size) {
    out.append('[').append(size).append(']');
  }

  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("-1:");
    } else {
      out.append(value.length()).append(':').append(value);
    }
  }
}
