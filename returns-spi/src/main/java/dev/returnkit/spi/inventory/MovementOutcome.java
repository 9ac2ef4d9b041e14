package dev.returnkit.spi.inventory;

/** What the inventory port did with a stock movement. */
public enum MovementOutcome {
  /** The movement was applied now. */
  APPLIED,
  /** A movement with the same key was applied before; nothing changed. */
  ALREADY_APPLIED
}
