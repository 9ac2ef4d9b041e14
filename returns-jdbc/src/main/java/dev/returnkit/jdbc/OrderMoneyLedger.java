package dev.returnkit.jdbc;

import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledgers of an order's money beyond its lines: what the cases of an order paid back to each
 * of its tenders, against what the tender captured ({@code rk_order_tender_ledger}), and the
 * promotions they clawed back less what they gave back ({@code rk_order_ledger.clawed_back}).
 * {@link JdbcReturnRepository} applies every write's change here, in the write's transaction and
 * under the order's row lock, so two writers can never together refund a tender more than it
 * captured nor give back more than was clawed back; the tables' checks refuse it too. Stateless.
 */
final class OrderMoneyLedger {

  private final Dialect dialect;

  OrderMoneyLedger(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Checks and records what a write changes in the money paid back to its order's tenders and
   * in its promotions clawed back.
   *
   * @param connection the write's connection, holding the order's lock
   * @param before the stored case, or {@code null} for a new one
   * @param after the case written
   * @throws OrderLimitExceededException if a tender would get back more than it captured, or
   *     the order's cases would give back more promotion than they clawed back
   */
  void apply(Connection connection, ReturnCaseSnapshot before, ReturnCaseSnapshot after)
      throws SQLException {
    applyClawbacks(connection, before, after);
    applyTenders(connection, before, after);
  }

  private static void applyClawbacks(Connection connection, ReturnCaseSnapshot before,
      ReturnCaseSnapshot after) throws SQLException {
    BigDecimal change = clawback(after).subtract(before == null ? BigDecimal.ZERO
        : clawback(before));
    if (change.signum() == 0) {
      return;
    }
    String orderId = after.orderId().value();
    try (PreparedStatement read = connection.prepareStatement(
        "select clawed_back from rk_order_ledger where order_id = ?")) {
      read.setString(1, orderId);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        BigDecimal net = row.getBigDecimal(1).add(change);
        if (net.signum() < 0) {
          throw new OrderLimitExceededException(after.id(), after.orderId(), "promotions would"
              + " be given back " + plain(net.negate()) + " more than was clawed back");
        }
      }
    }
    try (PreparedStatement update = connection.prepareStatement("update rk_order_ledger"
        + " set clawed_back = clawed_back + ? where order_id = ?")) {
      update.setBigDecimal(1, change);
      update.setString(2, orderId);
      update.executeUpdate();
    }
  }

  private static BigDecimal clawback(ReturnCaseSnapshot c) {
    BigDecimal total = BigDecimal.ZERO;
    for (ReturnLineSnapshot line : c.lines()) {
      total = total.add(line.money().clawback().amount());
    }
    return total;
  }

  private void applyTenders(Connection connection, ReturnCaseSnapshot before,
      ReturnCaseSnapshot after) throws SQLException {
    Map<String, BigDecimal> change = new TreeMap<>();
    Map<String, Tender> tenders = new TreeMap<>();
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
        tenders.put(payment.tender().reference(), payment.tender());
      }
    }
    change.values().removeIf(amount -> amount.signum() == 0);
    if (change.isEmpty()) {
      return;
    }
    String orderId = after.orderId().value();
    try (PreparedStatement ensure = connection.prepareStatement(dialect.insertIfAbsent(
        "rk_order_tender_ledger (order_id, tender_reference, currency, captured, refunded)"
            + " values (?, ?, ?, ?, 0)", "order_id, tender_reference"))) {
      for (Tender tender : tenders.values()) {
        ensure.setString(1, orderId);
        ensure.setString(2, tender.reference());
        ensure.setString(3, tender.captured().currency().getCurrencyCode());
        ensure.setBigDecimal(4, tender.captured().amount());
        ensure.addBatch();
      }
      ensure.executeBatch();
    }
    try (PreparedStatement read = connection.prepareStatement("select captured, refunded from"
        + " rk_order_tender_ledger where order_id = ? and tender_reference = ?");
        PreparedStatement update = connection.prepareStatement("update rk_order_tender_ledger"
            + " set refunded = refunded + ? where order_id = ? and tender_reference = ?")) {
      for (Map.Entry<String, BigDecimal> tender : change.entrySet()) {
        read.setString(1, orderId);
        read.setString(2, tender.getKey());
        try (ResultSet row = read.executeQuery()) {
          if (!row.next()) {
            throw new IllegalStateException("tender " + tender.getKey() + " of order " + orderId
                + " has no row in rk_order_tender_ledger; the database was changed around "
                + "returnkit");
          }
          BigDecimal refunded = row.getBigDecimal(2).add(tender.getValue());
          if (refunded.compareTo(row.getBigDecimal(1)) > 0) {
            throw new OrderLimitExceededException(after.id(), after.orderId(), "tender "
                + tender.getKey() + " would get back " + plain(refunded) + " of "
                + plain(row.getBigDecimal(1)) + " captured");
          }
        }
        update.setBigDecimal(1, tender.getValue());
        update.setString(2, orderId);
        update.setString(3, tender.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
