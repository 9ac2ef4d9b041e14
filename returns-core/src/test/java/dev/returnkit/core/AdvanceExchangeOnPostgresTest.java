package dev.returnkit.core;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.testing.postgres.FreshPostgres;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;

/**
 * Advance exchanges with the cases stored in PostgreSQL (a fresh schema per test): the flag,
 * the charge for goods that never came and the order's money ledgers hold there as in memory.
 */
@DisplayName("An advance exchange, stored in PostgreSQL")
class AdvanceExchangeOnPostgresTest extends AdvanceExchangeTest {

  @Override
  protected TestShop shop(ReturnPolicies policies, UnaryOperator<Returns.Builder> change) {
    DataSource schema = FreshPostgres.schema().dataSource();
    ReturnkitSchema.migrate(schema);
    return new TestShop(policies, JdbcReturnRepository.create(schema), change);
  }
}
