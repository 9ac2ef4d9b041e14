/**
 * Small, runnable, tested examples for integrators and policy owners: overriding a default rule
 * ({@code rules}), changing a setting ({@code settings}), writing a payment adapter that passes
 * the TCK ({@code payment}), and wiring returnkit into a host application ({@code host}).
 */
package dev.returnkit.examples.howto;
