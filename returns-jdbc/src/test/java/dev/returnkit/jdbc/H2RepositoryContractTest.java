package dev.returnkit.jdbc;

import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.tck.ReturnRepositoryContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcReturnRepository on H2 (PostgreSQL mode) passes the repository contract")
class H2RepositoryContractTest extends ReturnRepositoryContract {

  @Override
  protected ReturnRepository newRepository() {
    return JdbcReturnRepository.create(TestDatabases.freshH2());
  }
}
