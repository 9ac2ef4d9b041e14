package dev.returnkit.core.observation;

import java.util.Locale;

/** The facade's use cases, one per public method of {@code Returns}, as observers see them. */
public enum UseCase {
  /** {@code request}. */
  REQUEST,
  /** {@code preview}. */
  PREVIEW,
  /** {@code approve}. */
  APPROVE,
  /** {@code reject}. */
  REJECT,
  /** {@code arrangeShipment}. */
  ARRANGE_SHIPMENT,
  /** {@code recordCarrierEvent}. */
  RECORD_CARRIER_EVENT,
  /** {@code receive}. */
  RECEIVE,
  /** {@code inspect}. */
  INSPECT,
  /** {@code settle}. */
  SETTLE,
  /** {@code recordManualPayment}. */
  RECORD_MANUAL_PAYMENT,
  /** {@code syncInventory}. */
  SYNC_INVENTORY,
  /** {@code cancel}. */
  CANCEL,
  /** {@code expireOverdue}. */
  EXPIRE_OVERDUE,
  /** {@code audit}. */
  AUDIT,
  /** {@code auditStore}. */
  AUDIT_STORE,
  /** {@code checkpoint}. */
  CHECKPOINT,
  /** {@code forgetCustomer}. */
  FORGET_CUSTOMER,
  /** {@code find}. */
  FIND,
  /** {@code history}. */
  HISTORY;

  /**
   * The name in metrics and traces.
   *
   * @return e.g. {@code arrange-shipment}
   */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
