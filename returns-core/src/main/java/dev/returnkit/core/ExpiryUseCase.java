package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.spi.CaseIntegrityException;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expiry: every case still waiting for its goods after the drop-off deadline, in batches, with
 * its label cancelled. An advance exchange whose replacement was sent is not expired but
 * settled: the replacement is charged ({@link SettlementUseCase#chargeAdvanceReplacement}).
 * Safe to run from several instances at once: a case another instance changed meanwhile loses
 * the race and is skipped. Thread-safe.
 */
final class ExpiryUseCase {

  private static final Logger log = LoggerFactory.getLogger(ExpiryUseCase.class);

  private final CaseStore store;
  private final AccessGuard access;
  private final SideEffects sideEffects;
  private final AdvanceExchanges advance;
  private final SettlementUseCase settlements;
  private final InputValidator validator;
  private final int batchSize;

  ExpiryUseCase(CaseStore store, AccessGuard access, SideEffects sideEffects,
      AdvanceExchanges advance, SettlementUseCase settlements, InputValidator validator,
      int batchSize) {
    this.store = store;
    this.access = access;
    this.sideEffects = sideEffects;
    this.advance = advance;
    this.settlements = settlements;
    this.validator = validator;
    this.batchSize = batchSize;
  }

  List<ReturnResult> expireOverdue(Instant now, Actor actor) {
    validator.validateParameter("expiry", "actor", actor);
    Instant cutoff = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MICROS);
    List<ReturnResult> expired = new ArrayList<>();
    Set<ReturnId> tried = new HashSet<>();
    while (true) {
      List<ReturnCaseSnapshot> due = store.repository()
          .findDue(Set.of(ReturnStatus.AWAITING_RETURN), cutoff, batchSize);
      boolean progress = false;
      for (ReturnCaseSnapshot snapshot : due) {
        if (!tried.add(snapshot.id())) {
          continue;
        }
        progress = true;
        // Asked per case, like every use case: a policy may let a job expire some cases only.
        access.check(AccessRequest.onCase(actor, Operation.EXPIRE, snapshot, null));
        try {
          ReturnCase returnCase = store.rebuild(snapshot);
          if (advance.sent(returnCase).isPresent()) {
            // The replacement went out ahead of goods that never came: it is charged for.
            expired.add(settlements.chargeAdvanceReplacement(snapshot.id(), actor, cutoff));
            sideEffects.cancelShipmentQuietly(returnCase);
            continue;
          }
          returnCase.expire(actor, cutoff);
          expired.add(store.commit(returnCase));
          sideEffects.cancelShipmentQuietly(returnCase);
        } catch (ConcurrentReturnUpdateException raced) {
          log.debug("Return case {} changed while expiring; skipped", snapshot.id());
        } catch (CaseIntegrityException tampered) {
          // Logged at ERROR by the store; one broken case must not stop the others expiring.
          log.debug("Return case {} disagrees with its history; skipped", snapshot.id());
        }
      }
      // A full batch may hide more due cases behind it; one that brought nothing new means
      // every due case was tried (the others lost races and are due no more).
      if (due.size() < batchSize || !progress) {
        return expired;
      }
    }
  }
}
