package dev.returnkit.core;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.testing.postgres.FreshPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;

/**
 * The worked cases of an order's money with the cases stored in PostgreSQL (a fresh schema per
 * case): the order limits, the tender ledger and the clawback ledger of returns-jdbc hold the
 * same money as the in-memory store does.
 */
@DisplayName("The worked cases of an order's money, stored in PostgreSQL")
class WorkedMoneyCasesOnPostgresTest extends WorkedMoneyCasesTest {

  @Override
  protected TestShop shop(ReturnPolicies policies) {
    DataSource schema = FreshPostgres.schema().dataSource();
    ReturnkitSchema.migrate(schema);
    return new TestShop(policies, JdbcReturnRepository.create(schema));
  }
}
