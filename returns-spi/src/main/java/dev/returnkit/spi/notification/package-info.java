/** The notification port: messages to the customer about their return. */
package dev.returnkit.spi.notification;
