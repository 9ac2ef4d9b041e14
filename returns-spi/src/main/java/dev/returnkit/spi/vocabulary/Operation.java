package dev.returnkit.spi.vocabulary;

/**
 * What a caller asks returnkit to do, as access control sees it: one constant per use case of
 * the {@code Returns} facade that changes a case or sends something to a port, and one for the
 * audit.
 *
 * <p>Not the same as {@link ReturnCommand}, which names the state changes recorded in a case's
 * history: one operation may record several commands ({@link #SETTLE} records the start of the
 * settlement, each payment and the completion), and some record none ({@link #PREVIEW},
 * {@link #SYNC_INVENTORY}).
 */
public enum Operation {
  /** Open a case: {@code Returns.request}. */
  REQUEST("request"),
  /** Ask what the eligibility policy would decide: {@code Returns.preview}. */
  PREVIEW("preview"),
  /** Approve a case in review: {@code Returns.approve}. */
  APPROVE("approve"),
  /** Reject a case in review: {@code Returns.reject}. */
  REJECT("reject"),
  /** Arrange the return shipment: {@code Returns.arrangeShipment}. */
  ARRANGE_SHIPMENT("arrangeShipment"),
  /** Record a carrier's report: {@code Returns.recordCarrierEvent}. */
  RECORD_CARRIER_EVENT("recordCarrierEvent"),
  /** Count what arrived: {@code Returns.receive}. */
  RECEIVE("receive"),
  /** Grade what arrived: {@code Returns.inspect}. */
  INSPECT("inspect"),
  /** Decide and pay the money: {@code Returns.settle}. */
  SETTLE("settle"),
  /** Confirm a payment made outside the provider: {@code Returns.recordManualPayment}. */
  RECORD_MANUAL_PAYMENT("recordManualPayment"),
  /** Send the stock movements again: {@code Returns.syncInventory}. */
  SYNC_INVENTORY("syncInventory"),
  /** Withdraw a return: {@code Returns.cancel}. */
  CANCEL("cancel"),
  /** Expire an overdue case: {@code Returns.expireOverdue}. */
  EXPIRE("expireOverdue"),
  /**
   * Check a stored case against its history, or seal the heads of all: {@code Returns.audit},
   * {@code auditStore}, {@code checkpoint}. Changes nothing.
   */
  AUDIT("audit"),
  /** Erase a customer's personal data from every case of theirs: {@code Returns.forgetCustomer}. */
  ERASE("forgetCustomer");

  private final String methodName;

  Operation(String methodName) {
    this.methodName = methodName;
  }

  /**
   * The facade method that runs this operation, as a host's logs and error pages name it.
   *
   * @return e.g. {@code arrangeShipment}
   */
  public String methodName() {
    return methodName;
  }
}
