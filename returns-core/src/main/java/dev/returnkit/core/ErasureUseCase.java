package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.audit.Erasure;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure of a customer's personal data, case by case: each case is loaded (and checked against
 * its history), the access policy asked, its notes and the customer's actor ids erased with
 * their digests kept, and the erasure recorded and stored in one write. Thread-safe.
 */
final class ErasureUseCase {

  private static final Logger log = LoggerFactory.getLogger(AccessGuard.LOGGER);

  private final CaseStore store;
  private final AccessGuard access;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  ErasureUseCase(CaseStore store, AccessGuard access, InputValidator validator,
      Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.validator = validator;
    this.now = now;
  }

  Erasure forgetCustomer(CustomerId customerId, Actor actor) {
    Objects.requireNonNull(customerId, "customerId");
    validator.validateParameter("erasure", "actor", actor);
    List<ReturnId> erased = new ArrayList<>();
    int kept = 0;
    for (ReturnCaseSnapshot found : store.repository().findByCustomer(customerId,
        TimeRange.ALL)) {
      CaseStore.Loaded loaded = store.rebuildWithHistory(found);
      ReturnCase returnCase = loaded.returnCase();
      access.check(AccessRequest.onCase(actor, Operation.ERASE, returnCase.snapshot(), null));
      kept += returnCase.erasePersonalData(loaded.history(), actor, now.get());
      store.commit(returnCase);
      erased.add(found.id());
    }
    log.info("Personal data of customer {} erased from {} case(s) by {}; {} entry(ies) of the "
        + "first chain format kept", customerId, erased.size(), actor, kept);
    return new Erasure(customerId, erased, kept);
  }
}
