/**
 * The contract between returnkit and the host shop.
 *
 * <p>Sub-packages hold one concept each: identifiers ({@code id}), money ({@code money}), the
 * shared vocabulary of returns ({@code vocabulary}), the append-only case history
 * ({@code history}), and one package per port: {@code storage}, {@code order},
 * {@code logistics}, {@code payment}, {@code inventory}, {@code notification} and
 * {@code event}. Everything here is an interface, an immutable record or an enum, and depends
 * on nothing but the JDK and the Jakarta Validation API.
 */
package dev.returnkit.spi;
