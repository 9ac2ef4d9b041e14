/**
 * The demo: a generated shop (customers, orders, one script per return) and a discrete-event
 * simulation that takes a month of its returns through returnkit with in-memory adapters, a
 * simulated carrier and a payment provider with bad days. Deterministic for a seed.
 */
package dev.returnkit.examples.demo;
