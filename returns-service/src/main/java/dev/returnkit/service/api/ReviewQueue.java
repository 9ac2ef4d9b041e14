package dev.returnkit.service.api;

import dev.returnkit.core.Returns;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The cases waiting for a person: those in review, oldest request first, each with the reason
 * codes of the decision that sent it there (a high value, a high return rate, a seller fault
 * on a non-returnable item...). The API and the back office read the same queue.
 */
@Component
public class ReviewQueue {

  /** The most cases one look at the queue returns. */
  public static final int LIMIT = 200;

  private final ReturnRepository repository;
  private final Returns returns;

  /**
   * The queue of the application's storage.
   *
   * @param repository the storage
   * @param returns the facade, for the cases' histories
   */
  public ReviewQueue(ReturnRepository repository, Returns returns) {
    this.repository = repository;
    this.returns = returns;
  }

  /**
   * One case in the queue.
   *
   * @param returnCase the case
   * @param requestedAt when it was requested
   * @param dueAt when the review is due
   * @param reasons why it is in review: the reason codes of the entry that put it there
   */
  public record Item(ReturnCaseSnapshot returnCase, Instant requestedAt, Instant dueAt,
      List<String> reasons) {}

  /**
   * The queue now.
   *
   * @return up to {@value #LIMIT} cases, oldest request first
   */
  public List<Item> items() {
    return repository.findByStatus(Set.of(ReturnStatus.IN_REVIEW), TimeRange.ALL,
        PageRequest.first(LIMIT)).items().stream()
        .map(snapshot -> new Item(snapshot, snapshot.requestedAt(), snapshot.dueAt(),
            reasons(snapshot)))
        .toList();
  }

  private List<String> reasons(ReturnCaseSnapshot snapshot) {
    List<HistoryEntry> history = returns.history(snapshot.id());
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).toStatus() == ReturnStatus.IN_REVIEW) {
        return history.get(i).reasonCodes();
      }
    }
    return List.of();
  }
}
