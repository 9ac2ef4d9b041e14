package dev.returnkit.spi.vocabulary;

/**
 * The states of a return case. The allowed moves between them are the lifecycle table in
 * {@code docs/architecture.md} (and {@code dev.returnkit.core.returncase.Lifecycle}).
 */
public enum ReturnStatus {
  /** A person must approve or reject the request. */
  IN_REVIEW(false),
  /** Approved; the return shipment is not arranged yet. */
  APPROVED(false),
  /** A label or pickup exists; the customer has not handed the goods over yet. */
  AWAITING_RETURN(false),
  /** The carrier has the goods. */
  IN_TRANSIT(false),
  /** The carrier delivered the parcel to the warehouse; it is not counted yet. */
  DELIVERED(false),
  /** The carrier lost the goods; the case is settled without them. */
  LOST_IN_TRANSIT(false),
  /** The warehouse has the goods, not yet inspected. */
  RECEIVED(false),
  /** Inspected (or a returnless refund granted): liability and disposition are known. */
  INSPECTED(false),
  /** Refunds, credits or exchanges are being issued. */
  SETTLING(false),
  /** Settled. Terminal. */
  COMPLETED(true),
  /** Not eligible, or rejected by a reviewer. Terminal. */
  REJECTED(true),
  /** Withdrawn before the goods were sent. Terminal. */
  CANCELLED(true),
  /** The goods were not handed to the carrier before the drop-off deadline. Terminal. */
  EXPIRED(true);

  private final boolean terminal;

  ReturnStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /**
   * Whether no command can leave this state.
   *
   * @return true for COMPLETED, REJECTED, CANCELLED and EXPIRED
   */
  public boolean isTerminal() {
    return terminal;
  }
}
