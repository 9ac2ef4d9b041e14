package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.audit.AuditPage;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.audit.HistoryCheckpoint;
import dev.returnkit.core.audit.StoreAudit;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit: one case, or the whole store page by page, checked against its history (and a
 * checkpoint, if given); and checkpoints of every case's head. Reads only. Thread-safe.
 */
final class AuditUseCase {

  private static final Logger log = LoggerFactory.getLogger(AccessGuard.LOGGER);

  private final ReturnRepository repository;
  private final StoreAudit audit;
  private final AccessGuard access;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  AuditUseCase(ReturnRepository repository, AccessGuard access, InputValidator validator,
      Supplier<Instant> now) {
    this.repository = repository;
    this.audit = new StoreAudit(repository);
    this.access = access;
    this.validator = validator;
    this.now = now;
  }

  CaseAuditReport audit(ReturnId id, Actor actor) {
    validator.validateParameter("audit", "actor", actor);
    Objects.requireNonNull(id, "id");
    ReturnCaseSnapshot stored = repository.findById(id)
        .orElseThrow(() -> new ReturnNotFoundException(id));
    check(actor, stored);
    return logged(audit.check(stored, null));
  }

  AuditPage auditStore(PageRequest page, Actor actor, HistoryCheckpoint against, byte[] key) {
    validator.validateParameter("audit", "actor", actor);
    if (against != null && !against.isSealedWith(Objects.requireNonNull(key, "key"))) {
      throw new IllegalArgumentException("the checkpoint sealed at " + against.sealedAt()
          + " is not sealed with this key: it was changed, or the key is another");
    }
    AuditPage audited = audit.page(page, against, stored -> check(actor, stored));
    audited.broken().forEach(this::logged);
    return audited;
  }

  HistoryCheckpoint checkpoint(Actor actor, byte[] key) {
    validator.validateParameter("audit", "actor", actor);
    return audit.checkpoint(now.get(), key, stored -> check(actor, stored));
  }

  private void check(Actor actor, ReturnCaseSnapshot stored) {
    access.check(AccessRequest.onCase(actor, Operation.AUDIT, stored, null));
  }

  private CaseAuditReport logged(CaseAuditReport report) {
    if (!report.intact()) {
      log.error("Audit: {}", report.describe().replace(System.lineSeparator(), " "));
    }
    return report;
  }
}
