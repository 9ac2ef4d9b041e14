package dev.returnkit.core;

import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.spi.id.ReturnId;
import java.time.Instant;
import java.util.function.Supplier;

/** Manual review: a reviewer approves or rejects a case in review. Thread-safe. */
final class ReviewUseCase {

  private final CaseStore store;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  ReviewUseCase(CaseStore store, InputValidator validator, Supplier<Instant> now) {
    this.store = store;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult approve(ReturnId id, Approval approval) {
    validator.validate("approval", approval);
    ReturnCase returnCase = store.load(id);
    returnCase.approve(approval, now.get());
    return store.commit(returnCase);
  }

  ReturnResult reject(ReturnId id, Rejection rejection) {
    validator.validate("rejection", rejection);
    ReturnCase returnCase = store.load(id);
    returnCase.reject(rejection, now.get());
    return store.commit(returnCase);
  }
}
