package dev.returnkit.examples.demo;

import dev.returnkit.spi.id.CustomerId;

/**
 * A customer of the demo shop.
 *
 * @param id the customer's id
 * @param abusive whether they habitually buy to return (wear once, send back); the demo knows,
 *     returnkit does not, so the report can show how many its return-rate review caught
 */
public record DemoCustomer(CustomerId id, boolean abusive) {}
