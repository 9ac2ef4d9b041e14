package dev.returnkit.jdbc;

import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledgers of one order as one save sees them, under the order's row lock: per order line the
 * units bought and held and the money paid and due ({@code rk_order_line_ledger}); for the order
 * the outbound shipping refunded and the promotions clawed back ({@code rk_order_ledger}); per
 * tender what it captured and got back ({@code rk_order_tender_ledger}).
 *
 * <p>A save uses it in two rounds. {@link #lock} adds to the save's first batch the statements
 * that lock and read the order's rows; once that batch has run, {@link #write} checks the
 * write's change against what was read, throwing {@link OrderLimitExceededException} if the
 * order's cases would hold more units than were bought or pay back more than was paid, and adds
 * the ledger updates to the second batch. Because every save of an order locks its ledger row
 * first, two writers can never together pass a limit; the tables' CHECK constraints (named
 * {@code rk_ledger_*}) refuse it again should these checks ever be wrong. One per save.
 */
final class OrderLedgers {

  /** The prefix of the names of the ledgers' limit constraints. */
  static final String CONSTRAINT_PREFIX = "rk_ledger_";

  private final Dialect dialect;
  private final ReturnCaseSnapshot after;
  private final String orderId;
  private final String currency;
  private String storedCurrency;
  private BigDecimal shippingRefunded;
  private BigDecimal clawedBack;
  private final Map<String, LineRow> lines = new HashMap<>();
  private final Map<String, TenderRow> tenders = new HashMap<>();

  private OrderLedgers(Dialect dialect, ReturnCaseSnapshot after) {
    this.dialect = dialect;
    this.after = after;
    this.orderId = after.orderId().value();
    this.currency = after.currency().getCurrencyCode();
  }

  /**
   * Adds to a batch the statements that lock and read the written case's order ledgers: the
   * order's row (created first for a new case's order), then its line and tender rows.
   *
   * @param reads the save's first batch
   * @param dialect the database
   * @param after the case written
   * @param newCase whether the case is new (its order may have no ledger row yet)
   * @return the ledgers, filled in once the batch has run
   */
  static OrderLedgers lock(StatementBatch reads, Dialect dialect, ReturnCaseSnapshot after,
      boolean newCase) {
    OrderLedgers ledgers = new OrderLedgers(dialect, after);
    if (newCase) {
      reads.add(dialect.insertIfAbsent("rk_order_ledger (order_id, currency, shipping_paid,"
              + " shipping_refunded) values (?, ?, ?, 0)", "order_id"))
          .text(ledgers.orderId).text(ledgers.currency)
          .number(after.outboundShippingPaid().amount());
    }
    reads.add("select currency, shipping_refunded, clawed_back from rk_order_ledger"
            + " where order_id = ? for update")
        .text(ledgers.orderId)
        .rows(row -> {
          ledgers.storedCurrency = row.getString(1);
          ledgers.shippingRefunded = row.getBigDecimal(2);
          ledgers.clawedBack = row.getBigDecimal(3);
        });
    reads.add("select order_line_id, units_bought, units_held, amount_paid, amount_due"
            + " from rk_order_line_ledger where order_id = ? for update")
        .text(ledgers.orderId)
        .rows(row -> ledgers.lines.put(row.getString(1), new LineRow(row.getInt(2),
            row.getInt(3), row.getBigDecimal(4), row.getBigDecimal(5), true)));
    reads.add("select tender_reference, captured, refunded from rk_order_tender_ledger"
            + " where order_id = ?")
        .text(ledgers.orderId)
        .rows(row -> ledgers.tenders.put(row.getString(1),
            new TenderRow(row.getBigDecimal(2), row.getBigDecimal(3))));
    return ledgers;
  }

  /**
   * Checks the write's change against the ledgers read and adds their updates to a batch.
   *
   * @param writes the save's second batch
   * @param before the stored case, or {@code null} for a new one
   * @throws OrderLimitExceededException if the change passes a limit of the order
   * @throws IllegalArgumentException if the case's currency is not its order's
   * @throws IllegalStateException if the order has no ledger row (the database was changed
   *     around returnkit)
   */
  void write(StatementBatch writes, ReturnCaseSnapshot before) {
    if (storedCurrency == null) {
      throw new IllegalStateException("order " + orderId + " of stored case " + after.id()
          + " has no row in rk_order_ledger; the database was changed around returnkit");
    }
    if (!storedCurrency.equals(currency)) {
      throw new IllegalArgumentException("case " + after.id() + " is in " + currency
          + " but order " + orderId + " has cases in " + storedCurrency);
    }
    writeLines(writes, before);
    writeOrder(writes, before);
    writeTenders(writes, before);
  }

  private void writeLines(StatementBatch writes, ReturnCaseSnapshot before) {
    Map<String, Integer> heldChange = new TreeMap<>();
    Map<String, BigDecimal> dueChange = new TreeMap<>();
    if (before != null) {
      for (ReturnLineSnapshot line : before.lines()) {
        heldChange.merge(line.orderLineId().value(), -line.unitsHeld(before.status()),
            Integer::sum);
        dueChange.merge(line.orderLineId().value(), line.money().dueForLine().amount().negate(),
            BigDecimal::add);
      }
    }
    for (ReturnLineSnapshot line : after.lines()) {
      String lineId = line.orderLineId().value();
      heldChange.merge(lineId, line.unitsHeld(after.status()), Integer::sum);
      dueChange.merge(lineId, line.money().dueForLine().amount(), BigDecimal::add);
      lines.computeIfAbsent(lineId, absent -> new LineRow(line.orderedQuantity(), 0,
          line.orderLinePaid().gross().amount(), BigDecimal.ZERO, false));
    }
    for (ReturnLineSnapshot line : after.lines()) {
      String lineId = line.orderLineId().value();
      LineRow stored = lines.get(lineId);
      int held = stored.unitsHeld() + heldChange.get(lineId);
      int bought = Math.min(stored.unitsBought(), line.orderedQuantity());
      if (held > bought) {
        throw limit("order line " + lineId + " would hold " + held + " unit(s) of " + bought
            + " bought");
      }
      BigDecimal due = stored.amountDue().add(dueChange.get(lineId));
      BigDecimal paid = stored.amountPaid().min(line.orderLinePaid().gross().amount());
      if (due.compareTo(paid) > 0) {
        throw limit("order line " + lineId + " would be owed " + plain(due) + " " + currency
            + " of " + plain(paid) + " " + currency + " paid");
      }
      if (!stored.stored()) {
        writes.add(dialect.insertIfAbsent("rk_order_line_ledger (order_id, order_line_id,"
                + " currency, units_bought, units_held, amount_paid, amount_due)"
                + " values (?, ?, ?, ?, 0, ?, 0)", "order_id, order_line_id"))
            .text(orderId).text(lineId).text(currency).integer(stored.unitsBought())
            .number(stored.amountPaid());
      }
    }
    for (Map.Entry<String, Integer> change : heldChange.entrySet()) {
      BigDecimal due = dueChange.get(change.getKey());
      if (change.getValue() != 0 || due.signum() != 0) {
        writes.add("update rk_order_line_ledger set units_held = units_held + ?,"
                + " amount_due = amount_due + ? where order_id = ? and order_line_id = ?")
            .integer(change.getValue()).number(due).text(orderId).text(change.getKey());
      }
    }
  }

  /** Outbound shipping refunded and promotions clawed back, on the order's row. */
  private void writeOrder(StatementBatch writes, ReturnCaseSnapshot before) {
    BigDecimal shippingChange = after.outboundShippingRefund().amount()
        .subtract(before == null ? BigDecimal.ZERO : before.outboundShippingRefund().amount());
    BigDecimal refunded = shippingRefunded.add(shippingChange);
    if (refunded.compareTo(after.outboundShippingPaid().amount()) > 0) {
      throw limit("outbound shipping refunds would reach " + plain(refunded) + " " + currency
          + " of " + plain(after.outboundShippingPaid().amount()) + " " + currency + " paid");
    }
    BigDecimal clawbackChange = clawback(after)
        .subtract(before == null ? BigDecimal.ZERO : clawback(before));
    BigDecimal net = clawedBack.add(clawbackChange);
    if (net.signum() < 0) {
      throw limit("promotions would be given back " + plain(net.negate())
          + " more than was clawed back");
    }
    if (shippingChange.signum() != 0 || clawbackChange.signum() != 0) {
      writes.add("update rk_order_ledger set shipping_refunded = shipping_refunded + ?,"
              + " clawed_back = clawed_back + ? where order_id = ?")
          .number(shippingChange).number(clawbackChange).text(orderId);
    }
  }

  private static BigDecimal clawback(ReturnCaseSnapshot snapshot) {
    BigDecimal total = BigDecimal.ZERO;
    for (ReturnLineSnapshot line : snapshot.lines()) {
      total = total.add(line.money().clawback().amount());
    }
    return total;
  }

  /** What the case's payments give back to each tender. */
  private void writeTenders(StatementBatch writes, ReturnCaseSnapshot before) {
    Map<String, BigDecimal> change = new TreeMap<>();
    Map<String, Tender> named = new HashMap<>();
    if (before != null) {
      for (SettlementPayment payment : before.payments()) {
        if (payment.refundsTender()) {
          change.merge(payment.tender().reference(), payment.amount().amount().negate(),
              BigDecimal::add);
        }
      }
    }
    for (SettlementPayment payment : after.payments()) {
      if (payment.refundsTender()) {
        change.merge(payment.tender().reference(), payment.amount().amount(), BigDecimal::add);
        named.put(payment.tender().reference(), payment.tender());
      }
    }
    for (Map.Entry<String, BigDecimal> tender : change.entrySet()) {
      if (tender.getValue().signum() == 0) {
        continue;
      }
      String reference = tender.getKey();
      TenderRow stored = tenders.get(reference);
      if (stored == null) {
        Tender known = named.get(reference);
        if (known == null) {
          throw new IllegalStateException("tender " + reference + " of order " + orderId
              + " has no row in rk_order_tender_ledger; the database was changed around "
              + "returnkit");
        }
        stored = new TenderRow(known.captured().amount(), BigDecimal.ZERO);
        writes.add(dialect.insertIfAbsent("rk_order_tender_ledger (order_id,"
                + " tender_reference, currency, captured, refunded) values (?, ?, ?, ?, 0)",
                "order_id, tender_reference"))
            .text(orderId).text(reference).text(known.captured().currency().getCurrencyCode())
            .number(known.captured().amount());
      }
      BigDecimal refunded = stored.refunded().add(tender.getValue());
      if (refunded.compareTo(stored.captured()) > 0) {
        throw limit("tender " + reference + " would get back " + plain(refunded) + " of "
            + plain(stored.captured()) + " captured");
      }
      writes.add("update rk_order_tender_ledger set refunded = refunded + ?"
              + " where order_id = ? and tender_reference = ?")
          .number(tender.getValue()).text(orderId).text(reference);
    }
  }

  private OrderLimitExceededException limit(String detail) {
    return new OrderLimitExceededException(after.id(), after.orderId(), detail);
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  /** One order line's ledger row, as read under the order's lock or about to be created. */
  private record LineRow(int unitsBought, int unitsHeld, BigDecimal amountPaid,
      BigDecimal amountDue, boolean stored) {}

  /** One tender's ledger row, as read under the order's lock or about to be created. */
  private record TenderRow(BigDecimal captured, BigDecimal refunded) {}
}
