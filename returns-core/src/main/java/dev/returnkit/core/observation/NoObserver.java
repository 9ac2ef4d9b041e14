package dev.returnkit.core.observation;

import java.util.function.Supplier;

/** {@link ReturnsObserver#none()}: runs the use case and nothing else. */
enum NoObserver implements ReturnsObserver {
  INSTANCE;

  @Override
  public <T> T observe(UseCase useCase, Supplier<T> call) {
    return call.get();
  }
}
