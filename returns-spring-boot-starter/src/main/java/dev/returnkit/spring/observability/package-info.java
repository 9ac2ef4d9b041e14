/**
 * returnkit's metrics, traces and health in a Spring application: the Micrometer
 * implementation of the core's {@code ReturnsObserver}, and a health indicator.
 */
package dev.returnkit.spring.observability;
