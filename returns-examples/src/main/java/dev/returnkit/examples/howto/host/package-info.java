/**
 * How a host application wires returnkit: start-up, shared facade, scheduled expiry, policy
 * reload, and returnkit's exceptions turned into HTTP answers.
 */
package dev.returnkit.examples.howto.host;
