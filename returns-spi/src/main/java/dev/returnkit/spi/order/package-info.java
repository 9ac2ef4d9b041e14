/** The order port: the host's orders, read-only, as returnkit needs them to check requests. */
package dev.returnkit.spi.order;
