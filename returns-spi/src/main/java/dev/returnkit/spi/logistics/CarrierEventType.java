package dev.returnkit.spi.logistics;

/** What a carrier reports about a return parcel. */
public enum CarrierEventType {
  /** The parcel was scanned on its way (picked up, at a hub). */
  IN_TRANSIT,
  /** The parcel was delivered to the returns warehouse. */
  DELIVERED_TO_WAREHOUSE,
  /** The carrier declared the parcel lost. */
  LOST
}
