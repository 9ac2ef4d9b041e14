package dev.returnkit.spi.vocabulary;

/**
 * The commands that change a return case, as recorded in its history. Each one is checked
 * against the lifecycle table before it changes anything.
 */
public enum ReturnCommand {
  /** Open a case from a customer's request; eligibility decides where it starts. */
  REQUEST,
  /** A reviewer approves a case in review. */
  APPROVE,
  /** A reviewer rejects a case in review. */
  REJECT,
  /** A return label or pickup was arranged. */
  ARRANGE_SHIPMENT,
  /** The policy let the customer keep the goods: no shipment, straight to settlement. */
  GRANT_RETURNLESS_REFUND,
  /** The carrier scanned the parcel on its way. */
  RECORD_IN_TRANSIT,
  /** The carrier delivered the parcel to the warehouse. */
  RECORD_DELIVERY,
  /** The carrier reported the parcel lost. */
  RECORD_LOSS,
  /** The warehouse counted what arrived. */
  RECEIVE,
  /** The warehouse graded what arrived; liability and disposition were decided. */
  INSPECT,
  /** The settlement was decided and its payments planned. */
  BEGIN_SETTLEMENT,
  /** One planned payment was confirmed by the payment provider. */
  RECORD_PAYMENT,
  /** Every planned payment is confirmed; the case is done. */
  COMPLETE_SETTLEMENT,
  /** The customer or an agent withdrew the return. */
  CANCEL,
  /** The drop-off deadline passed without the goods moving. */
  EXPIRE,
  /**
   * The drop-off deadline of an advance exchange passed without the goods moving: the
   * replacement sent ahead is charged, and the case settles instead of expiring.
   */
  CHARGE_ADVANCE_REPLACEMENT,
  /**
   * The customer's personal data was erased from the case (notes, the customer's actor ids).
   * Outside the lifecycle table: allowed in every state, it moves no case.
   */
  ERASE_PERSONAL_DATA
}
