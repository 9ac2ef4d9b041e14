package dev.returnkit.service.api;

import dev.returnkit.core.ReturnResult;
import dev.returnkit.core.audit.AuditFinding;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.payment.SettlementPayment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The JSON the API answers with: a case as a client reads it (ids and amounts as plain values,
 * not returnkit's types), its history, a result with the events it caused, a preview and an
 * audit.
 */
public final class Views {

  private Views() {}

  /**
   * An amount.
   *
   * @param amount e.g. {@code 49.90}
   * @param currency e.g. {@code EUR}
   */
  public record Amount(BigDecimal amount, String currency) {
    /**
     * The view of returnkit's value.
     *
     * @param money the value
     * @return its view
     */
    public static Amount of(Money money) {
      return money == null ? null : new Amount(money.amount(), money.currency().getCurrencyCode());
    }
  }

  /**
   * A case.
   *
   * @param id the case
   * @param version its version (each save adds one)
   * @param status where it is
   * @param orderId its order
   * @param customerId its customer
   * @param requestedAt when it was requested
   * @param updatedAt when it last changed
   * @param dueAt when its next step is due, or {@code null}
   * @param trackingNumber the return parcel's, once arranged
   * @param labelUrl the return label's, once arranged
   * @param lines its lines
   * @param outboundShippingRefund the outbound shipping it refunds
   * @param payments what was paid, and what is planned, per line and tender
   */
  public record Case(String id, long version, String status, String orderId, String customerId,
      Instant requestedAt, Instant updatedAt, Instant dueAt, String trackingNumber,
      String labelUrl, List<Line> lines, Amount outboundShippingRefund,
      List<Payment> payments) {

    /**
     * The view of returnkit's value.
     *
     * @param snapshot the value
     * @return its view
     */
    public static Case of(ReturnCaseSnapshot snapshot) {
      return new Case(snapshot.id().value(), snapshot.version(), snapshot.status().name(),
          snapshot.orderId().value(), snapshot.customerId().value(), snapshot.requestedAt(),
          snapshot.updatedAt(), snapshot.dueAt(),
          snapshot.shipment() == null ? null : snapshot.shipment().trackingNumber(),
          snapshot.shipment() == null ? null : snapshot.shipment().labelUrl(),
          snapshot.lines().stream().map(Line::of).toList(),
          Amount.of(snapshot.outboundShippingRefund()),
          snapshot.payments().stream().map(Payment::of).toList());
    }
  }

  /**
   * A line of a case.
   *
   * @param orderLineId the order's line
   * @param sku the variant
   * @param reason why it comes back
   * @param resolution what the customer asked for
   * @param verdict the eligibility verdict
   * @param verdictCodes the reason codes of the verdict
   * @param requested units asked for
   * @param approved units approved
   * @param received units received
   * @param accepted units accepted at inspection
   * @param disposition what becomes of the goods, once inspected
   * @param itemRefund the refund for the items
   * @param restockingFee what is kept for restocking
   * @param returnShippingCharge what the return shipping costs the customer
   * @param paidOut what the line pays out
   */
  public record Line(String orderLineId, String sku, String reason, String resolution,
      String verdict, List<String> verdictCodes, int requested, int approved, int received,
      int accepted, String disposition, Amount itemRefund, Amount restockingFee,
      Amount returnShippingCharge, Amount paidOut) {

    /**
     * The view of returnkit's value.
     *
     * @param line the value
     * @return its view
     */
    public static Line of(ReturnLineSnapshot line) {
      LineMoney money = line.money();
      return new Line(line.orderLineId().value(), line.sku().value(), line.reason().name(),
          line.resolution().name(), line.verdict() == null ? null : line.verdict().name(),
          line.verdictCodes(), line.quantities().requested(), line.quantities().approved(),
          line.quantities().received(), line.quantities().accepted(),
          line.disposition() == null ? null : line.disposition().name(),
          Amount.of(money.itemRefund()), Amount.of(money.restockingFee()),
          Amount.of(money.returnShippingCharge()), Amount.of(money.paidOut()));
    }
  }

  /**
   * A payment of a settlement.
   *
   * @param orderLineId its line, or {@code null} for the case's shipping
   * @param purpose what it pays for
   * @param kind refund, store credit, charge...
   * @param amount how much
   * @param tender the tender it goes back to, or {@code null}
   * @param providerReference the provider's reference once paid, else {@code null}
   * @param paidAt when it was paid, or {@code null} while planned
   */
  public record Payment(String orderLineId, String purpose, String kind, Amount amount,
      String tender, String providerReference, Instant paidAt) {

    /**
     * The view of returnkit's value.
     *
     * @param payment the value
     * @return its view
     */
    public static Payment of(SettlementPayment payment) {
      return new Payment(payment.orderLineId() == null ? null : payment.orderLineId().value(),
          payment.purpose().name(), payment.kind().name(), Amount.of(payment.amount()),
          payment.tender() == null ? null
              : payment.tender().type() + " " + payment.tender().reference(),
          payment.providerReference(), payment.paidAt());
    }
  }

  /**
   * What a command did: the case after it, and the events it caused.
   *
   * @param returnCase the case
   * @param events the events' types, in order
   */
  public record Result(Case returnCase, List<String> events) {
    /**
     * The view of returnkit's value.
     *
     * @param result the value
     * @return its view
     */
    public static Result of(ReturnResult result) {
      return new Result(Case.of(result.returnCase()),
          result.events().stream().map(event -> event.type().name()).toList());
    }
  }

  /**
   * One entry of a case's history.
   *
   * @param sequence its number, from 1
   * @param at when
   * @param actor who, as {@code ROLE:id}
   * @param command what they did
   * @param fromStatus the state before, or {@code null} for the request
   * @param toStatus the state after
   * @param reasonCodes the decision's reason codes
   * @param rules the rules that fired
   * @param note the note, or {@code null}
   * @param hash the entry's hash, which the next entry links to
   */
  public record Entry(int sequence, Instant at, String actor, String command, String fromStatus,
      String toStatus, List<String> reasonCodes, List<String> rules, String note, String hash) {
    /**
     * The view of returnkit's value.
     *
     * @param entry the value
     * @return its view
     */
    public static Entry of(HistoryEntry entry) {
      return new Entry(entry.sequence(), entry.at(),
          entry.actor().role() + ":" + entry.actor().id(), entry.command().name(),
          entry.fromStatus() == null ? null : entry.fromStatus().name(),
          entry.toStatus().name(), entry.reasonCodes(), entry.rules(), entry.note(),
          entry.hash());
    }
  }

  /**
   * What a request would come to, with nothing stored.
   *
   * @param status the state it would be in
   * @param returnless whether the goods could stay with the customer
   * @param advanceExchange whether the replacement would ship before the return arrives
   * @param reasonCodes the decision's reason codes
   * @param rules the rules that fired
   */
  public record Preview(String status, boolean returnless, boolean advanceExchange,
      List<String> reasonCodes, List<String> rules) {
    /**
     * The view of returnkit's value.
     *
     * @param preview the value
     * @return its view
     */
    public static Preview of(EligibilityPreview preview) {
      return new Preview(preview.status().name(), preview.returnless(),
          preview.advanceExchange(), preview.decision().overallRationale().reasonCodes(),
          preview.decision().overallRationale().rules());
    }
  }

  /**
   * Whether a case agrees with its tamper-evident history.
   *
   * @param returnId the case
   * @param intact true if nothing was found
   * @param entries entries checked
   * @param findings each disagreement in words
   */
  public record Audit(String returnId, boolean intact, int entries, List<String> findings) {
    /**
     * The view of returnkit's value.
     *
     * @param report the value
     * @return its view
     */
    public static Audit of(CaseAuditReport report) {
      return new Audit(report.returnId().value(), report.intact(), report.entries(),
          report.findings().stream().map(AuditFinding::describe).toList());
    }
  }
}
