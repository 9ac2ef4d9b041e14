/**
 * The inputs of the {@code Returns} facade's use cases: immutable records with Jakarta
 * Validation constraints, checked before anything is loaded or stored.
 */
package dev.returnkit.core.command;
