package dev.returnkit.service.backoffice;

import dev.returnkit.core.Returns;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.service.api.Races;
import dev.returnkit.service.api.ReviewQueue;
import dev.returnkit.service.api.Views;
import dev.returnkit.service.security.CurrentActor;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office: server-rendered pages for staff. The review queue (oldest first, why each
 * case is there, approve and reject), a case with its lines, money per line and per tender,
 * its history with the rules that fired and whether the history verifies, and the search by
 * order or customer. Every action runs as the signed-in user, under the same access policy as
 * the API; a refusal is shown on the page, with returnkit's words.
 */
@Controller
public class BackOfficeController {

  private final Returns returns;
  private final ReturnRepository repository;
  private final ReviewQueue queue;

  /**
   * The back office of the application's returnkit.
   *
   * @param returns the facade
   * @param repository the storage, for the search
   * @param queue the review queue
   */
  public BackOfficeController(Returns returns, ReturnRepository repository, ReviewQueue queue) {
    this.returns = returns;
    this.repository = repository;
    this.queue = queue;
  }

  /**
   * The start page is the queue.
   *
   * @return the redirect
   */
  @GetMapping({"/", "/back-office"})
  public String home() {
    return "redirect:/back-office/queue";
  }

  /**
   * The sign-in page.
   *
   * @return the template
   */
  @GetMapping("/login")
  public String login() {
    return "backoffice/login";
  }

  /**
   * The review queue.
   *
   * @param model the page's model
   * @param user the signed-in user
   * @return the template
   */
  @GetMapping("/back-office/queue")
  public String queue(Model model, Authentication user) {
    model.addAttribute("user", CurrentActor.of(user));
    model.addAttribute("items", queue.items().stream().map(QueueRow::of).toList());
    return "backoffice/queue";
  }

  /**
   * Approves a case from the queue.
   *
   * @param id the case
   * @param note the reviewer's note
   * @param user the reviewer
   * @param flash the message for the next page
   * @return back to the queue
   */
  @PostMapping("/back-office/cases/{id}/approval")
  public String approve(@PathVariable String id, @RequestParam(required = false) String note,
      Authentication user, RedirectAttributes flash) {
    Actor actor = CurrentActor.of(user);
    // Returns validates the approval; a refusal of any kind comes back to the queue.
    return act(flash, id + " approved", () -> Races.retryOnce(
        () -> returns.approve(ReturnId.of(id), new Approval(actor, blankToNull(note)))));
  }

  /**
   * Rejects a case from the queue.
   *
   * @param id the case
   * @param reasonCode the reason code
   * @param note the reviewer's note
   * @param user the reviewer
   * @param flash the message for the next page
   * @return back to the queue
   */
  @PostMapping("/back-office/cases/{id}/rejection")
  public String reject(@PathVariable String id, @RequestParam String reasonCode,
      @RequestParam(required = false) String note, Authentication user,
      RedirectAttributes flash) {
    Actor actor = CurrentActor.of(user);
    return act(flash, id + " rejected (" + reasonCode + ")", () -> Races.retryOnce(
        () -> returns.reject(ReturnId.of(id),
            new Rejection(actor, reasonCode.trim(), blankToNull(note)))));
  }

  /**
   * A case.
   *
   * @param id the case
   * @param model the page's model
   * @param user the signed-in user
   * @return the template
   */
  @GetMapping("/back-office/cases/{id}")
  public String returnCase(@PathVariable String id, Model model, Authentication user) {
    Actor actor = CurrentActor.of(user);
    ReturnId returnId = parse(id);
    ReturnCaseSnapshot snapshot = returns.find(returnId).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "no return case " + id));
    Views.Case view = Views.Case.of(snapshot);
    model.addAttribute("user", actor);
    model.addAttribute("returnCase", view);
    model.addAttribute("tenders", perTender(view.payments()));
    model.addAttribute("history",
        returns.history(returnId).stream().map(Views.Entry::of).toList());
    try {
      model.addAttribute("audit", Views.Audit.of(returns.audit(returnId, actor)));
    } catch (AccessDeniedException e) {
      model.addAttribute("auditRefused", e.getMessage());
    }
    return "backoffice/case";
  }

  /**
   * The search by order or customer id.
   *
   * @param q an order id or a customer id
   * @param model the page's model
   * @param user the signed-in user
   * @return the template
   */
  @GetMapping("/back-office/search")
  public String search(@RequestParam(required = false) String q, Model model,
      Authentication user) {
    model.addAttribute("user", CurrentActor.of(user));
    model.addAttribute("q", q == null ? "" : q.trim());
    if (q != null && !q.isBlank()) {
      String text = q.trim();
      List<ReturnCaseSnapshot> found;
      try {
        found = repository.findByOrder(OrderId.of(text));
        if (found.isEmpty()) {
          found = repository.findByCustomer(CustomerId.of(text), TimeRange.ALL);
        }
      } catch (IllegalArgumentException e) {
        found = List.of();
        model.addAttribute("error", "not an order or customer id: " + e.getMessage());
      }
      model.addAttribute("results", found.stream().map(Views.Case::of).toList());
    }
    return "backoffice/search";
  }

  private static String act(RedirectAttributes flash, String success, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("message", success);
    } catch (ReturnsException | IllegalArgumentException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/back-office/queue";
  }

  private static ReturnId parse(String id) {
    try {
      return ReturnId.of(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no return case " + id);
    }
  }

  /** What was paid, and is planned, per tender: the settlement's money seen from the order. */
  static Map<String, Views.Amount> perTender(List<Views.Payment> payments) {
    Map<String, Views.Amount> totals = new LinkedHashMap<>();
    for (Views.Payment payment : payments) {
      String tender = payment.tender() == null ? payment.kind() : payment.tender();
      totals.merge(tender, payment.amount(), (a, b) ->
          new Views.Amount(a.amount().add(b.amount()), a.currency()));
    }
    return totals;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /**
   * A row of the queue.
   *
   * @param id the case
   * @param orderId its order
   * @param customerId its customer
   * @param requestedAt when it was requested
   * @param dueAt when the review is due
   * @param reasons why it is in review
   * @param value what its lines in review are worth
   */
  public record QueueRow(String id, String orderId, String customerId, String requestedAt,
      String dueAt, List<String> reasons, String value) {
    static QueueRow of(ReviewQueue.Item item) {
      ReturnCaseSnapshot snapshot = item.returnCase();
      return new QueueRow(snapshot.id().value(), snapshot.orderId().value(),
          snapshot.customerId().value(), Pages.minute(item.requestedAt()),
          Pages.minute(item.dueAt()), item.reasons(), Pages.value(snapshot));
    }
  }
}
