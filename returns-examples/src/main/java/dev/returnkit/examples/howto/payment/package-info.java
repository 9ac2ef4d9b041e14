/**
 * How an integrator writes an adapter: returnkit's payment port on a made-up provider's SDK,
 * proven by the TCK's payment contract.
 */
package dev.returnkit.examples.howto.payment;
