/**
 * The small JSON writer and parser returnkit's formats share: the JDBC adapter's stored cases
 * and every event's {@link dev.returnkit.spi.event.EventJson} payload. Hand-written, so the SPI
 * depends on no library.
 */
package dev.returnkit.spi.json;
