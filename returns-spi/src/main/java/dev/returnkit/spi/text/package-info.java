/**
 * What text returnkit accepts: the {@link dev.returnkit.spi.text.PlainText} constraint every
 * free-text field and every id of an input record carries, so that a control character never
 * reaches storage (PostgreSQL refuses U+0000), a log line (a newline in an actor id forges one)
 * or a back-office page.
 */
package dev.returnkit.spi.text;
