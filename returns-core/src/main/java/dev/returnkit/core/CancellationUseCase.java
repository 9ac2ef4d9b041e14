package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Operation;
import java.time.Instant;
import java.util.function.Supplier;

/** Cancellation: the customer or an agent withdraws a return before the goods were sent. */
final class CancellationUseCase {

  private final CaseStore store;
  private final AccessGuard access;
  private final SideEffects sideEffects;
  private final AdvanceExchanges advance;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  CancellationUseCase(CaseStore store, AccessGuard access, SideEffects sideEffects,
      AdvanceExchanges advance, InputValidator validator, Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.sideEffects = sideEffects;
    this.advance = advance;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult cancel(ReturnId id, Cancellation cancellation) {
    validator.validate("cancellation", cancellation);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(cancellation.cancelledBy(), Operation.CANCEL,
        returnCase.snapshot(), null));
    returnCase.cancel(cancellation, now.get());
    // Before the case is stored as cancelled: if the replacement sent ahead cannot be called
    // back, the return stays open rather than leave the customer both the goods and it.
    advance.cancel(returnCase);
    ReturnResult result = store.commit(returnCase);
    sideEffects.cancelShipmentQuietly(returnCase);
    return result;
  }
}
