package dev.returnkit.spring.autoconfigure;

/**
 * returnkit's migrations, applied at start-up by the starter; beans that use the database are
 * made after it.
 *
 * @param applied how many migrations this start applied (0: the schema was up to date)
 */
public record ReturnkitSchemaMigration(int applied) {}
