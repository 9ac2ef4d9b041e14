/**
 * The returns service, a Spring Boot web application over returns-spring-boot-starter: {@link
 * dev.returnkit.service.ReturnsService} starts it.
 */
package dev.returnkit.service;
