/** The inventory port: returned units put back, marked down, repaired or written off, once. */
package dev.returnkit.spi.inventory;
