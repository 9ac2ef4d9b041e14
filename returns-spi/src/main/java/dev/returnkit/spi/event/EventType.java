package dev.returnkit.spi.event;

/**
 * The type of each {@link ReturnEvent}, one constant per event record. Java 17 cannot switch
 * exhaustively over a sealed interface, but it can over an enum: a {@code switch
 * (event.type())} expression without a {@code default} fails to compile when an event is
 * added, so every consumer in returnkit must decide what a new event means.
 */
public enum EventType {
  /** {@link ReturnEvent.ReturnRequested}. */
  RETURN_REQUESTED(ReturnEvent.ReturnRequested.class),
  /** {@link ReturnEvent.ReturnSentToReview}. */
  RETURN_SENT_TO_REVIEW(ReturnEvent.ReturnSentToReview.class),
  /** {@link ReturnEvent.ReturnApproved}. */
  RETURN_APPROVED(ReturnEvent.ReturnApproved.class),
  /** {@link ReturnEvent.ReturnRejected}. */
  RETURN_REJECTED(ReturnEvent.ReturnRejected.class),
  /** {@link ReturnEvent.ReturnlessRefundGranted}. */
  RETURNLESS_REFUND_GRANTED(ReturnEvent.ReturnlessRefundGranted.class),
  /** {@link ReturnEvent.ReturnShipmentArranged}. */
  RETURN_SHIPMENT_ARRANGED(ReturnEvent.ReturnShipmentArranged.class),
  /** {@link ReturnEvent.ReturnInTransit}. */
  RETURN_IN_TRANSIT(ReturnEvent.ReturnInTransit.class),
  /** {@link ReturnEvent.ReturnDeliveredToWarehouse}. */
  RETURN_DELIVERED_TO_WAREHOUSE(ReturnEvent.ReturnDeliveredToWarehouse.class),
  /** {@link ReturnEvent.ReturnLostInTransit}. */
  RETURN_LOST_IN_TRANSIT(ReturnEvent.ReturnLostInTransit.class),
  /** {@link ReturnEvent.ReturnReceived}. */
  RETURN_RECEIVED(ReturnEvent.ReturnReceived.class),
  /** {@link ReturnEvent.ReturnInspected}. */
  RETURN_INSPECTED(ReturnEvent.ReturnInspected.class),
  /** {@link ReturnEvent.SettlementStarted}. */
  SETTLEMENT_STARTED(ReturnEvent.SettlementStarted.class),
  /** {@link ReturnEvent.RefundIssued}. */
  REFUND_ISSUED(ReturnEvent.RefundIssued.class),
  /** {@link ReturnEvent.StoreCreditIssued}. */
  STORE_CREDIT_ISSUED(ReturnEvent.StoreCreditIssued.class),
  /** {@link ReturnEvent.ExchangeDifferenceCharged}. */
  EXCHANGE_DIFFERENCE_CHARGED(ReturnEvent.ExchangeDifferenceCharged.class),
  /** {@link ReturnEvent.ExchangeOrdered}. */
  EXCHANGE_ORDERED(ReturnEvent.ExchangeOrdered.class),
  /** {@link ReturnEvent.RepairOrdered}. */
  REPAIR_ORDERED(ReturnEvent.RepairOrdered.class),
  /** {@link ReturnEvent.CarrierClaimRecorded}. */
  CARRIER_CLAIM_RECORDED(ReturnEvent.CarrierClaimRecorded.class),
  /** {@link ReturnEvent.ReturnCompleted}. */
  RETURN_COMPLETED(ReturnEvent.ReturnCompleted.class),
  /** {@link ReturnEvent.ReturnCancelled}. */
  RETURN_CANCELLED(ReturnEvent.ReturnCancelled.class),
  /** {@link ReturnEvent.ReturnExpired}. */
  RETURN_EXPIRED(ReturnEvent.ReturnExpired.class);

  private final Class<? extends ReturnEvent> recordType;

  EventType(Class<? extends ReturnEvent> recordType) {
    this.recordType = recordType;
  }

  /**
   * The event record of this type.
   *
   * @return the record class
   */
  public Class<? extends ReturnEvent> recordType() {
    return recordType;
  }
}
