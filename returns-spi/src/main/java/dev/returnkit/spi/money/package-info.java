/**
 * Money: an amount in one currency at its minor unit, with explicit half-even rounding and no
 * arithmetic across currencies.
 */
package dev.returnkit.spi.money;
