package dev.returnkit.core.audit;

import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.Objects;

/**
 * What the audit of one case found.
 *
 * @param returnId the case
 * @param entries how many history entries were checked
 * @param sealedEntries how many of them seal the case's state (entries written before returnkit
 *     sealed state seal none; such a case is checked by its chain and head only)
 * @param findings every disagreement, in sequence order; empty if the case agrees with its
 *     history
 */
public record CaseAuditReport(ReturnId returnId, int entries, int sealedEntries,
    List<AuditFinding> findings) {

  public CaseAuditReport {
    Objects.requireNonNull(returnId, "returnId");
    findings = List.copyOf(findings);
  }

  /**
   * Whether the case agrees with its history.
   *
   * @return true if nothing was found
   */
  public boolean intact() {
    return findings.isEmpty();
  }

  /**
   * The report in words: one line, then one line per finding.
   *
   * @return e.g. {@code R-7: 2 finding(s) in 5 entries} and the findings
   */
  public String describe() {
    StringBuilder text = new StringBuilder(returnId.value()).append(": ");
    if (intact()) {
      return text.append("intact (").append(entries).append(" entries, ").append(sealedEntries)
          .append(" sealing the state)").toString();
    }
    text.append(findings.size()).append(" finding(s) in ").append(entries).append(" entries");
    for (AuditFinding finding : findings) {
      text.append(System.lineSeparator()).append("  ").append(finding.describe());
    }
    return text.toString();
  }
}
