package dev.returnkit.jdbc;

import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.tck.ReturnRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcReturnRepository on PostgreSQL passes the repository contract")
class PostgresRepositoryContractTest extends ReturnRepositoryContract {

  @Override
  protected ReturnRepository newRepository() {
    return JdbcReturnRepository.create(TestDatabases.freshPostgres());
  }

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }
}
