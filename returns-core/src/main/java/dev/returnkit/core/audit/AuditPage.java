package dev.returnkit.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of an audit of the whole store: the report of every case on the page, and the token
 * of the next page, for a nightly job that walks the store page by page.
 *
 * @param reports one per case on the page, intact or not
 * @param nextPageToken the token of the next page, or {@code null} on the last page
 */
public record AuditPage(List<CaseAuditReport> reports, String nextPageToken) {

  public AuditPage {
    reports = List.copyOf(reports);
  }

  /**
   * The reports that found something.
   *
   * @return the reports of cases that disagree with their history
   */
  public List<CaseAuditReport> broken() {
    return reports.stream().filter(report -> !report.intact()).toList();
  }

  /**
   * The token of the next page.
   *
   * @return it, or empty on the last page
   */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
