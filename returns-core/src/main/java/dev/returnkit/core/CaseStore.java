package dev.returnkit.core;

import dev.returnkit.core.audit.AuditFinding;
import dev.returnkit.core.audit.CaseAudit;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.spi.CaseIntegrityException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the use cases load and store cases: the repository, behind the two steps every use case
 * shares. {@link #load} rebuilds the aggregate; {@link #commit} stores what its commands did with
 * the version it was loaded at (a lost race stores nothing and raises the repository's
 * {@code ConcurrentReturnUpdateException}) and only then publishes the events and notifies the
 * customer. A failure after the commit is logged and does not undo the stored change.
 * Thread-safe.
 */
final class CaseStore {

  private static final Logger log = LoggerFactory.getLogger(CaseStore.class);

  private final ReturnRepository repository;
  private final ServiceLevels serviceLevels;
  private final ReturnEventPublisher publisher;
  private final CustomerNotifier notifier;
  private final ReturnsObserver observer;

  CaseStore(ReturnRepository repository, ServiceLevels serviceLevels,
      ReturnEventPublisher publisher, CustomerNotifier notifier, ReturnsObserver observer) {
    this.repository = repository;
    this.serviceLevels = serviceLevels;
    this.publisher = publisher;
    this.notifier = notifier;
    this.observer = observer;
  }

  ReturnRepository repository() {
    return repository;
  }

  /**
   * A case rebuilt from storage, with the history it was checked against (up to its head), for
   * use cases that need the history too: read once, not again.
   */
  record Loaded(ReturnCase returnCase, List<HistoryEntry> history) {

    /** Who opened the case: the actor of its first history entry. */
    Actor requestedBy() {
      return history.isEmpty() ? null : history.get(0).actor();
    }
  }

  /**
   * Loads a case, checked against its history first: a command never appends to a broken
   * chain or builds on a state its history did not seal.
   */
  ReturnCase load(ReturnId id) {
    return loadWithHistory(id).returnCase();
  }

  /** Loads a case as {@link #load} does, and hands over the history it was checked against. */
  Loaded loadWithHistory(ReturnId id) {
    Objects.requireNonNull(id, "id");
    return repository.findById(id).map(this::rebuildWithHistory)
        .orElseThrow(() -> new ReturnNotFoundException(id));
  }

  /** Rebuilds a stored case, once it is checked against its history. */
  ReturnCase rebuild(ReturnCaseSnapshot snapshot) {
    return rebuildWithHistory(snapshot).returnCase();
  }

  /** Rebuilds a stored case as {@link #rebuild} does, with the history it was checked against. */
  Loaded rebuildWithHistory(ReturnCaseSnapshot snapshot) {
    List<HistoryEntry> history = repository.history(snapshot.id());
    int known = snapshot.historyHead().sequence();
    if (history.size() > known) {
      // Another writer committed after the case was read: check the history this snapshot
      // knows. The command's save will then lose the race on the version, as it should.
      history = history.subList(0, known);
    }
    CaseAuditReport audit = CaseAudit.check(snapshot, history);
    if (!audit.intact()) {
      List<String> findings = audit.findings().stream().map(AuditFinding::describe).toList();
      log.error("Return case {} disagrees with its history; refused: {}", snapshot.id(),
          String.join("; ", findings));
      throw new CaseIntegrityException(snapshot.id(), findings);
    }
    return new Loaded(ReturnCase.fromSnapshot(snapshot, serviceLevels), history);
  }

  /** What the order's other cases hold and refund, leaving out one case (or none). */
  OrderReturnLedger ledger(OrderId orderId, ReturnId excluded) {
    return OrderReturnLedger.of(repository.findByOrder(orderId), excluded);
  }

  /** Stores the case's pending write, then delivers its events. */
  ReturnResult commit(ReturnCase returnCase) {
    CaseWrite write = returnCase.pendingWrite();
    repository.save(write);
    returnCase.markSaved();
    try {
      observer.stored(write.newHistory());
    } catch (RuntimeException e) {
      // An observer must not throw; if one does, the stored change stands all the same.
      log.warn("The observer failed on a save of return case {}", returnCase.id(), e);
    }
    deliver(returnCase, write.newEvents());
    return new ReturnResult(write.snapshot(), write.newEvents());
  }

  private void deliver(ReturnCase returnCase, List<ReturnEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      publisher.publish(events);
    } catch (RuntimeException e) {
      log.warn("Publishing {} event(s) of return case {} failed; the case is stored",
          events.size(), returnCase.id(), e);
    }
    for (ReturnEvent event : events) {
      CustomerMessages.forEvent(event, returnCase.customerId()).ifPresent(message -> {
        try {
          notifier.send(message);
        } catch (RuntimeException e) {
          log.warn("Notifying the customer of {} ({}) failed", returnCase.id(),
              message.templateId(), e);
        }
      });
    }
  }
}
