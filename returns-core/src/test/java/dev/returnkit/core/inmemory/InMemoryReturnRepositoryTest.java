package dev.returnkit.core.inmemory;

import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.tck.ReturnRepositoryContract;

class InMemoryReturnRepositoryTest extends ReturnRepositoryContract {

  @Override
  protected ReturnRepository newRepository() {
    return new InMemoryReturnRepository();
  }
}
