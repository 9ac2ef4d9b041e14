/**
 * Identifiers: small immutable records that wrap validated text, so an order id can never be
 * passed where a customer id is expected. Also the {@link dev.returnkit.spi.id.ReturnIdSource}
 * port that hands out new return ids.
 */
package dev.returnkit.spi.id;
