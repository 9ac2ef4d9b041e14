package dev.returnkit.core.audit;

import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit of a store: each case against its history ({@link CaseAudit}) and, if given, a
 * checkpoint; page by page over every case; and the heads for a new checkpoint. It asks no
 * access policy: the {@code Returns} facade's audit use cases do, and the {@code returnkit
 * audit} command is run by whoever holds the database's credentials. Reads only; thread-safe
 * if the repository is.
 */
public final class StoreAudit {

  private final ReturnRepository repository;
  private final int checkpointPageSize;

  /**
   * An audit of a repository that walks it {@value PageRequest#MAX_SIZE} cases at a time for a
   * checkpoint.
   *
   * @param repository the store
   */
  public StoreAudit(ReturnRepository repository) {
    this(repository, PageRequest.MAX_SIZE);
  }

  /**
   * An audit of a repository that walks it a given number of cases at a time for a checkpoint.
   *
   * @param repository the store
   * @param checkpointPageSize cases per page, 1 to {@value PageRequest#MAX_SIZE}
   */
  public StoreAudit(ReturnRepository repository, int checkpointPageSize) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.checkpointPageSize = PageRequest.first(checkpointPageSize).size();
  }

  /**
   * Audits one case as stored.
   *
   * @param stored the case, as read from the repository
   * @param against a checkpoint whose MAC the caller checked, or {@code null}
   * @return the report
   */
  public CaseAuditReport check(ReturnCaseSnapshot stored, HistoryCheckpoint against) {
    List<HistoryEntry> history = repository.history(stored.id());
    ReturnCaseSnapshot current = stored;
    if (history.size() > stored.historyHead().sequence()) {
      // Written after the case was read: read it again, so that a command that committed
      // meanwhile is not taken for tampering. A case that still lags behind its history is.
      current = repository.findById(stored.id()).orElse(stored);
      history = repository.history(stored.id());
    }
    CaseAuditReport report = CaseAudit.check(current, history);
    Optional<AuditFinding> rewritten = against == null ? Optional.empty()
        : against.check(current.id(), history);
    if (rewritten.isEmpty()) {
      return report;
    }
    List<AuditFinding> findings = new ArrayList<>(report.findings());
    findings.add(rewritten.get());
    return new CaseAuditReport(report.returnId(), report.entries(), report.sealedEntries(),
        findings);
  }

  /**
   * Audits one page of the store, every case on it.
   *
   * @param page the page size and the previous page's token
   * @param against a checkpoint whose MAC the caller checked, or {@code null}
   * @param beforeEach called with each case before it is audited (for an access check)
   * @return the page of reports
   */
  public AuditPage page(PageRequest page, HistoryCheckpoint against,
      Consumer<ReturnCaseSnapshot> beforeEach) {
    Page<ReturnCaseSnapshot> cases = everyCase(page);
    List<CaseAuditReport> reports = new ArrayList<>(cases.items().size());
    for (ReturnCaseSnapshot stored : cases.items()) {
      beforeEach.accept(stored);
      reports.add(check(stored, against));
    }
    return new AuditPage(reports, cases.nextPageToken());
  }

  /**
   * Seals the head of every case's history: what its history holds (a case that disagrees with
   * its history is the audit's to report, not the checkpoint's to hide).
   *
   * @param at when the heads are taken
   * @param key the checkpoint key
   * @param beforeEach called with each case first (for an access check)
   * @return the checkpoint
   */
  public HistoryCheckpoint checkpoint(Instant at, byte[] key,
      Consumer<ReturnCaseSnapshot> beforeEach) {
    Map<ReturnId, HistoryHead> heads = new LinkedHashMap<>();
    PageRequest page = PageRequest.first(checkpointPageSize);
    while (page != null) {
      Page<ReturnCaseSnapshot> cases = everyCase(page);
      for (ReturnCaseSnapshot stored : cases.items()) {
        beforeEach.accept(stored);
        List<HistoryEntry> history = repository.history(stored.id());
        heads.put(stored.id(), history.isEmpty() ? HistoryHead.EMPTY
            : HistoryHead.of(history.get(history.size() - 1)));
      }
      page = cases.next().map(token -> new PageRequest(checkpointPageSize, token)).orElse(null);
    }
    return HistoryCheckpoint.seal(at, heads, key);
  }

  private Page<ReturnCaseSnapshot> everyCase(PageRequest page) {
    return repository.findByStatus(EnumSet.allOf(ReturnStatus.class), TimeRange.ALL, page);
  }
}
