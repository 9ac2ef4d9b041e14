package dev.returnkit.spi.vocabulary;

/** The kind of party that issued a command, as recorded in the case history. */
public enum ActorRole {
  /** The customer, through the shop's site or app. */
  CUSTOMER,
  /** A customer-service agent. */
  AGENT,
  /** A supervisor deciding disputed cases. */
  SUPERVISOR,
  /** Warehouse staff receiving and inspecting goods. */
  WAREHOUSE,
  /** returnkit itself or an automated process of the host (carrier feeds, schedulers). */
  SYSTEM
}
