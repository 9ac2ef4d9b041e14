/**
 * Observing the facade: {@link dev.returnkit.core.observation.ReturnsObserver}, the hook that
 * metrics and tracing implement (the Spring Boot starter does, with Micrometer), and what it is
 * told: the {@link dev.returnkit.core.observation.UseCase} that runs, the history entries each
 * save stores, the {@link dev.returnkit.core.observation.PaymentOutcome} of each payment.
 */
package dev.returnkit.core.observation;
