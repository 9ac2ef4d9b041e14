/**
 * The Spring Boot auto-configuration of returnkit and its {@code returnkit.*} properties:
 * {@link dev.returnkit.spring.autoconfigure.ReturnkitAutoConfiguration} (policies, the facade,
 * the jobs) and {@link dev.returnkit.spring.autoconfigure.ReturnkitJdbcAutoConfiguration}
 * (storage, migrations, outbox relay, job leases on the application's DataSource).
 */
package dev.returnkit.spring.autoconfigure;
