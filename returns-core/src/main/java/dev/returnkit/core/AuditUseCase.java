package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.audit.AuditFinding;
import dev.returnkit.core.audit.AuditPage;
import dev.returnkit.core.audit.CaseAudit;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.audit.HistoryCheckpoint;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit: one case, or the whole store page by page, checked against its history (and a
 * checkpoint, if given); and checkpoints of every case's head. Reads only. Thread-safe.
 */
final class AuditUseCase {

  private static final Logger log = LoggerFactory.getLogger(AccessGuard.LOGGER);
  private static final int CHECKPOINT_PAGE = 500;

  private final ReturnRepository repository;
  private final AccessGuard access;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  AuditUseCase(ReturnRepository repository, AccessGuard access, InputValidator validator,
      Supplier<Instant> now) {
    this.repository = repository;
    this.access = access;
    this.validator = validator;
    this.now = now;
  }

  CaseAuditReport audit(ReturnId id, Actor actor) {
    validator.validate("auditing actor", actor);
    Objects.requireNonNull(id, "id");
    ReturnCaseSnapshot stored = repository.findById(id)
        .orElseThrow(() -> new ReturnNotFoundException(id));
    return audited(stored, actor, null);
  }

  AuditPage auditStore(PageRequest page, Actor actor, HistoryCheckpoint against, byte[] key) {
    validator.validate("auditing actor", actor);
    if (against != null && !against.isSealedWith(Objects.requireNonNull(key, "key"))) {
      throw new IllegalArgumentException("the checkpoint sealed at " + against.sealedAt()
          + " is not sealed with this key: it was changed, or the key is another");
    }
    Page<ReturnCaseSnapshot> cases = everyCase(page);
    List<CaseAuditReport> reports = new ArrayList<>(cases.items().size());
    for (ReturnCaseSnapshot stored : cases.items()) {
      reports.add(audited(stored, actor, against));
    }
    return new AuditPage(reports, cases.nextPageToken());
  }

  HistoryCheckpoint checkpoint(Actor actor, byte[] key) {
    validator.validate("auditing actor", actor);
    Map<ReturnId, HistoryHead> heads = new LinkedHashMap<>();
    Instant at = now.get();
    PageRequest page = PageRequest.first(CHECKPOINT_PAGE);
    while (page != null) {
      Page<ReturnCaseSnapshot> cases = everyCase(page);
      for (ReturnCaseSnapshot stored : cases.items()) {
        access.check(AccessRequest.onCase(actor, Operation.AUDIT, stored, null));
        List<HistoryEntry> history = repository.history(stored.id());
        // What the history holds is what is sealed; a case that disagrees with its history is
        // the audit's to report, not the checkpoint's to hide.
        heads.put(stored.id(), history.isEmpty() ? HistoryHead.EMPTY
            : HistoryHead.of(history.get(history.size() - 1)));
      }
      page = cases.next().map(token -> new PageRequest(CHECKPOINT_PAGE, token)).orElse(null);
    }
    return HistoryCheckpoint.seal(at, heads, key);
  }

  private CaseAuditReport audited(ReturnCaseSnapshot stored, Actor actor,
      HistoryCheckpoint against) {
    access.check(AccessRequest.onCase(actor, Operation.AUDIT, stored, null));
    List<HistoryEntry> history = repository.history(stored.id());
    ReturnCaseSnapshot current = stored;
    if (history.size() > stored.historyHead().sequence()) {
      // Written after the case was read: read it again, so that a command that committed
      // meanwhile is not taken for tampering. A case that still lags behind its history is.
      current = repository.findById(stored.id()).orElse(stored);
      history = repository.history(stored.id());
    }
    CaseAuditReport report = CaseAudit.check(current, history);
    if (against != null) {
      Optional<AuditFinding> rewritten = against.check(current.id(), history);
      if (rewritten.isPresent()) {
        List<AuditFinding> findings = new ArrayList<>(report.findings());
        findings.add(rewritten.get());
        report = new CaseAuditReport(report.returnId(), report.entries(), report.sealedEntries(),
            findings);
      }
    }
    if (!report.intact()) {
      log.error("Audit: {}", report.describe().replace(System.lineSeparator(), " "));
    }
    return report;
  }

  private Page<ReturnCaseSnapshot> everyCase(PageRequest page) {
    return repository.findByStatus(EnumSet.allOf(ReturnStatus.class), TimeRange.ALL, page);
  }
}
