package dev.returnkit.service.api;

import dev.returnkit.service.security.CurrentActor;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/review-queue}: the cases waiting for a reviewer, for staff. */
@RestController
public class ReviewQueueController {

  private final ReviewQueue queue;

  /**
   * The endpoint of a queue.
   *
   * @param queue the queue
   */
  public ReviewQueueController(ReviewQueue queue) {
    this.queue = queue;
  }

  /**
   * One case waiting for review.
   *
   * @param id the case
   * @param orderId its order
   * @param customerId its customer
   * @param requestedAt when it was requested
   * @param dueAt when the review is due
   * @param reasons why it is in review
   */
  public record Waiting(String id, String orderId, String customerId, Instant requestedAt,
      Instant dueAt, List<String> reasons) {}

  /**
   * The queue, oldest request first.
   *
   * @param user the signed-in user: staff only
   * @return the cases in review
   */
  @GetMapping("/api/review-queue")
  public List<Waiting> queue(Authentication user) {
    ReturnsController.requireStaff(CurrentActor.of(user), "see the review queue");
    return queue.items().stream().map(item -> new Waiting(item.returnCase().id().value(),
        item.returnCase().orderId().value(), item.returnCase().customerId().value(),
        item.requestedAt(), item.dueAt(), item.reasons())).toList();
  }
}
