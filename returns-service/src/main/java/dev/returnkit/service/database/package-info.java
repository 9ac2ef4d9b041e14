/**
 * The service's database: the PostgreSQL of {@code --jdbc-url}, or an embedded one ({@link
 * dev.returnkit.service.database.ServiceDatabase}).
 */
package dev.returnkit.service.database;
