package dev.returnkit.spi.event;

import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a return case. Every command of the case returns the events it
 * produced; the {@code Returns} facade stores the case first and then hands them to the
 * {@link ReturnEventPublisher}.
 *
 * <p>A closed set: a {@code switch} over it is checked for exhaustiveness. Events are immutable
 * records; they live in the SPI because they cross the publisher port and the storage outbox.
 */
public sealed interface ReturnEvent {

  /**
   * Id, case, sequence and time.
   *
   * @return the header
   */
  EventHeader header();

  /**
   * The case the event belongs to.
   *
   * @return the return id
   */
  default ReturnId returnId() {
    return header().returnId();
  }

  /**
   * The event's stable id.
   *
   * @return the event id
   */
  default String eventId() {
    return header().eventId();
  }

  /**
   * When it happened.
   *
   * @return the time of the command
   */
  default Instant occurredAt() {
    return header().occurredAt();
  }

  /**
   * The event's type, for exhaustive switches; {@code type().name()} is stable for routing and
   * storage.
   *
   * @return the type
   */
  EventType type();

  /**
   * A customer asked to return items.
   *
   * @param header the header
   * @param orderId the order
   * @param customerId the customer
   * @param items what they asked to return, and why
   */
  record ReturnRequested(EventHeader header, OrderId orderId, CustomerId customerId,
      List<RequestedItem> items) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_REQUESTED;
    }

    public ReturnRequested {
      Objects.requireNonNull(header, "header");
      items = List.copyOf(items);
    }
  }

  /**
   * One requested line, as {@link ReturnRequested} reports it.
   *
   * @param orderLineId the order line
   * @param sku the product
   * @param quantity units requested
   * @param reason why
   */
  record RequestedItem(OrderLineId orderLineId, Sku sku, int quantity, ReturnReason reason) {}

  /**
   * The request needs a person's decision.
   *
   * @param header the header
   * @param reasonCodes why it was sent to review
   */
  record ReturnSentToReview(EventHeader header, List<String> reasonCodes)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_SENT_TO_REVIEW;
    }

    public ReturnSentToReview {
      Objects.requireNonNull(header, "header");
      reasonCodes = List.copyOf(reasonCodes);
    }
  }

  /**
   * The return was approved, by the policy or a reviewer.
   *
   * @param header the header
   * @param approved the approved quantity of each line (zero for rejected lines)
   */
  record ReturnApproved(EventHeader header, List<LineQuantity> approved) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_APPROVED;
    }

    public ReturnApproved {
      Objects.requireNonNull(header, "header");
      approved = List.copyOf(approved);
    }
  }

  /**
   * The return was rejected, by the policy or a reviewer. Terminal.
   *
   * @param header the header
   * @param reasonCodes why
   */
  record ReturnRejected(EventHeader header, List<String> reasonCodes) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_REJECTED;
    }

    public ReturnRejected {
      Objects.requireNonNull(header, "header");
      reasonCodes = List.copyOf(reasonCodes);
    }
  }

  /**
   * The customer may keep the goods; the case goes to settlement without a shipment.
   *
   * @param header the header
   */
  record ReturnlessRefundGranted(EventHeader header) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURNLESS_REFUND_GRANTED;
    }

    public ReturnlessRefundGranted {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * A return label or pickup was arranged.
   *
   * @param header the header
   * @param shipment carrier, tracking number, label and drop-off deadline
   */
  record ReturnShipmentArranged(EventHeader header, ShipmentArrangement shipment)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_SHIPMENT_ARRANGED;
    }

    public ReturnShipmentArranged {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(shipment, "shipment");
    }
  }

  /**
   * The carrier scanned the parcel on its way.
   *
   * @param header the header
   * @param trackingNumber the parcel
   * @param location where, or null
   */
  record ReturnInTransit(EventHeader header, String trackingNumber, String location)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_IN_TRANSIT;
    }

    public ReturnInTransit {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * The carrier delivered the parcel to the warehouse (not yet counted).
   *
   * @param header the header
   * @param trackingNumber the parcel
   */
  record ReturnDeliveredToWarehouse(EventHeader header, String trackingNumber)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_DELIVERED_TO_WAREHOUSE;
    }

    public ReturnDeliveredToWarehouse {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * The carrier lost the parcel.
   *
   * @param header the header
   * @param trackingNumber the parcel
   */
  record ReturnLostInTransit(EventHeader header, String trackingNumber) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_LOST_IN_TRANSIT;
    }

    public ReturnLostInTransit {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * The warehouse counted what arrived.
   *
   * @param header the header
   * @param received units received per line
   */
  record ReturnReceived(EventHeader header, List<LineQuantity> received) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_RECEIVED;
    }

    public ReturnReceived {
      Objects.requireNonNull(header, "header");
      received = List.copyOf(received);
    }
  }

  /**
   * The warehouse inspected what arrived; liability and disposition are decided.
   *
   * @param header the header
   * @param lines the outcome per line
   */
  record ReturnInspected(EventHeader header, List<InspectedLine> lines) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_INSPECTED;
    }

    public ReturnInspected {
      Objects.requireNonNull(header, "header");
      lines = List.copyOf(lines);
    }
  }

  /**
   * One line's inspection outcome, as {@link ReturnInspected} reports it.
   *
   * @param orderLineId the order line
   * @param sku the product
   * @param acceptedQuantity units accepted for settlement
   * @param grade the condition
   * @param liability who is responsible
   * @param disposition what happens to the units
   */
  record InspectedLine(OrderLineId orderLineId, Sku sku, int acceptedQuantity, ItemGrade grade,
      Liability liability, Disposition disposition) {}

  /**
   * The settlement was decided and its payments planned (none paid yet).
   *
   * @param header the header
   * @param payments the planned payments
   * @param restockingFees fees kept, all lines
   * @param returnShippingCharge return shipping charged to the customer
   * @param outboundShippingRefund outbound shipping to be refunded
   */
  record SettlementStarted(EventHeader header, List<SettlementPayment> payments,
      Money restockingFees, Money returnShippingCharge, Money outboundShippingRefund)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.SETTLEMENT_STARTED;
    }

    public SettlementStarted {
      Objects.requireNonNull(header, "header");
      payments = List.copyOf(payments);
    }
  }

  /**
   * Money went back to the customer's original payment.
   *
   * @param header the header
   * @param payment the payment with its receipt
   */
  record RefundIssued(EventHeader header, SettlementPayment payment) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.REFUND_ISSUED;
    }

    public RefundIssued {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(payment, "payment");
    }
  }

  /**
   * Store credit was issued to the customer.
   *
   * @param header the header
   * @param payment the credit with its receipt
   */
  record StoreCreditIssued(EventHeader header, SettlementPayment payment)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.STORE_CREDIT_ISSUED;
    }

    public StoreCreditIssued {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(payment, "payment");
    }
  }

  /**
   * The customer was charged for an exchange: what a dearer replacement costs above the
   * returned goods (payment purpose {@code EXCHANGE_DIFFERENCE}), or a replacement sent ahead
   * of goods that did not come back ({@code ADVANCE_REPLACEMENT}).
   *
   * @param header the header
   * @param payment the charge with its receipt
   */
  record ExchangeDifferenceCharged(EventHeader header, SettlementPayment payment)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.EXCHANGE_DIFFERENCE_CHARGED;
    }

    public ExchangeDifferenceCharged {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(payment, "payment");
    }
  }

  /**
   * The customer gets a replacement for one line. When returnkit placed it through the host's
   * {@code ReplacementOrders} port, {@code replacementOrder} names the order and there is
   * nothing more to do; when it is {@code null} (no port given), the host places it.
   *
   * @param header the header
   * @param item the line and units returned
   * @param replacement what to send: the replacement the customer named, else the same item
   *     again, one unit for each unit accepted ({@code null} in events stored before
   *     exchanges named their replacement)
   * @param replacementOrder the replacement order returnkit placed, or {@code null} if the host
   *     is to place it
   */
  record ExchangeOrdered(EventHeader header, LineQuantity item, ReplacementItem replacement,
      OrderId replacementOrder) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.EXCHANGE_ORDERED;
    }

    public ExchangeOrdered {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(item, "item");
    }

    /**
     * An exchange whose replacement the host places, as returnkit reported it before
     * exchanges named their replacement.
     *
     * @param header the header
     * @param item the line and units
     */
    public ExchangeOrdered(EventHeader header, LineQuantity item) {
      this(header, item, null, null);
    }
  }

  /**
   * The customer's item is to be repaired and sent back; the host arranges it.
   *
   * @param header the header
   * @param item the line and units to repair
   */
  record RepairOrdered(EventHeader header, LineQuantity item) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.REPAIR_ORDERED;
    }

    public RepairOrdered {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * The carrier is liable: a claim for what the shop refunded is recorded for the host to file.
   *
   * @param header the header
   * @param carrier the carrier
   * @param trackingNumber the parcel, or null if none was shipped
   * @param amount what the shop refunded because of the carrier
   */
  record CarrierClaimRecorded(EventHeader header, String carrier, String trackingNumber,
      Money amount) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.CARRIER_CLAIM_RECORDED;
    }

    public CarrierClaimRecorded {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * Every planned payment is confirmed; the case is done. Terminal.
   *
   * @param header the header
   * @param refunded money returned to the original payment
   * @param storeCredit store credit issued
   */
  record ReturnCompleted(EventHeader header, Money refunded, Money storeCredit)
      implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_COMPLETED;
    }

    public ReturnCompleted {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * The return was withdrawn. Terminal.
   *
   * @param header the header
   * @param reason why, as the customer or agent said
   */
  record ReturnCancelled(EventHeader header, String reason) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_CANCELLED;
    }

    public ReturnCancelled {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * The goods were not handed over before the drop-off deadline. Terminal.
   *
   * @param header the header
   * @param dropOffDeadline the deadline that passed
   */
  record ReturnExpired(EventHeader header, Instant dropOffDeadline) implements ReturnEvent {
    @Override
    public EventType type() {
      return EventType.RETURN_EXPIRED;
    }

    public ReturnExpired {
      Objects.requireNonNull(header, "header");
    }
  }
}
