package dev.returnkit.core.audit;

import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.StateDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks a stored case against its history: the chain (every link and hash), the head (the
 * case's recorded last entry is the history's last), and the state (the stored case is the
 * state its last entry sealed). The use cases run it on every case they load, so that no
 * command appends to a broken chain; the audit use cases run it on one case or a whole store.
 *
 * <p>What it cannot find alone: a history rewritten from some entry on by someone who
 * recomputed every hash and moved the case's head and state with it. A {@link HistoryCheckpoint}
 * kept outside the database finds that. Stateless and thread-safe.
 */
public final class CaseAudit {

  private CaseAudit() {}

  /**
   * Audits a case.
   *
   * @param stored the case as stored
   * @param history its history, in sequence order
   * @return the report
   */
  public static CaseAuditReport check(ReturnCaseSnapshot stored, List<HistoryEntry> history) {
    List<AuditFinding> findings = new ArrayList<>();
    OptionalInt broken = HistoryChain.firstBrokenLink(history);
    broken.ifPresent(sequence -> findings.add(new AuditFinding.BrokenLink(sequence)));
    HistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
    HistoryHead recorded = stored.historyHead();
    HistoryHead actual = last == null ? HistoryHead.EMPTY : HistoryHead.of(last);
    if (!recorded.equals(actual)) {
      findings.add(new AuditFinding.HeadMismatch(actual.sequence(), recorded.sequence(),
          recorded.hash()));
    } else if (last != null && last.sealsState()
        && !StateDigest.seals(stored, last.stateDigest())) {
      findings.add(new AuditFinding.StateMismatch(last.sequence()));
    }
    int sealed = (int) history.stream().filter(HistoryEntry::sealsState).count();
    return new CaseAuditReport(stored.id(), history.size(), sealed, findings);
  }
}
