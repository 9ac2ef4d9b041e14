package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Operation;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Manual review: a reviewer approves or rejects a case in review. The access policy is told who
 * requested the case (its first history entry), so that nobody reviews their own request.
 * Thread-safe.
 */
final class ReviewUseCase {

  private final CaseStore store;
  private final AccessGuard access;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  ReviewUseCase(CaseStore store, AccessGuard access, InputValidator validator,
      Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult approve(ReturnId id, Approval approval) {
    validator.validate("approval", approval);
    CaseStore.Loaded loaded = store.loadWithHistory(id);
    ReturnCase returnCase = loaded.returnCase();
    access.check(AccessRequest.onCase(approval.reviewer(), Operation.APPROVE,
        returnCase.snapshot(), loaded.requestedBy()));
    returnCase.approve(approval, now.get());
    return store.commit(returnCase);
  }

  ReturnResult reject(ReturnId id, Rejection rejection) {
    validator.validate("rejection", rejection);
    CaseStore.Loaded loaded = store.loadWithHistory(id);
    ReturnCase returnCase = loaded.returnCase();
    access.check(AccessRequest.onCase(rejection.reviewer(), Operation.REJECT,
        returnCase.snapshot(), loaded.requestedBy()));
    returnCase.reject(rejection, now.get());
    return store.commit(returnCase);
  }
}
