/**
 * The logistics port: return labels and pickups, and the carrier events that report a parcel's
 * way back.
 */
package dev.returnkit.spi.logistics;
