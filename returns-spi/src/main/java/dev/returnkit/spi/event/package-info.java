/**
 * Return events: the sealed set of things that happen to a case, and the port that hands them
 * to the host.
 */
package dev.returnkit.spi.event;
