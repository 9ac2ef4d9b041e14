/**
 * The way back: how the customer sends the goods (label or pickup), and the checks of a
 * carrier's reports against the case.
 */
package dev.returnkit.core.shipment;
