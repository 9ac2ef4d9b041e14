package dev.returnkit.service.problem;

import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.CaseIntegrityException;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.LogisticsException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.StorageException;
import dev.returnkit.spi.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * returnkit's exceptions as RFC 9457 problem details: the status a client acts on, a type per
 * kind, the message returnkit wrote, and what a client needs in fields of their own (every
 * violation's path and message; the case's state and the command; the actor and the
 * operation). Nothing is stored when any of them is thrown, so every one can be corrected and
 * sent again. Spring MVC's own errors (a body that is not JSON, a wrong method) come as problems
 * too, through the base class.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  /**
   * 400: every field that is wrong, at once.
   *
   * @param e the violations
   * @return the problem, with {@code violations: [{path, message}]}
   */
  @ExceptionHandler(InvalidReturnRequestException.class)
  ProblemDetail invalid(InvalidReturnRequestException e) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
        e.getMessage());
    problem.setProperty("violations", e.violations().stream().sorted()
        .map(v -> Map.of("path", v.path(), "message", v.message())).toList());
    return problem;
  }

  /**
   * 400: amounts in two currencies.
   *
   * @param e the mismatch
   * @return the problem
   */
  @ExceptionHandler(CurrencyMismatchException.class)
  ProblemDetail currency(CurrencyMismatchException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "currency-mismatch", "Currency mismatch",
        e.getMessage());
  }

  /**
   * 403: the access policy refused the signed-in actor this operation.
   *
   * @param e the refusal
   * @return the problem, with {@code actor} and {@code operation}
   */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "access-denied", "Access denied",
        e.getMessage());
    problem.setProperty("actor", e.actor().role() + ":" + e.actor().id());
    problem.setProperty("operation", e.operation().methodName());
    return problem;
  }

  /**
   * 404: no such case (or, for a customer, not one of theirs).
   *
   * @param e the missing case
   * @return the problem, with {@code returnId}
   */
  @ExceptionHandler(ReturnNotFoundException.class)
  ProblemDetail notFound(ReturnNotFoundException e) {
    ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such return",
        e.getMessage());
    problem.setProperty("returnId", e.returnId().value());
    return problem;
  }

  /**
   * 409: the case is not in a state that takes the command.
   *
   * @param e the transition
   * @return the problem, with {@code status} and {@code command}
   */
  @ExceptionHandler(IllegalReturnTransitionException.class)
  ProblemDetail illegalTransition(IllegalReturnTransitionException e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "illegal-transition",
        "Not in this state", e.getMessage());
    problem.setProperty("returnId", e.returnId().value());
    problem.setProperty("state", e.status().name());
    problem.setProperty("command", e.command().name());
    return problem;
  }

  /**
   * 409: another request changed the case first; read it again and decide again.
   *
   * @param e the lost race
   * @return the problem
   */
  @ExceptionHandler(ConcurrentReturnUpdateException.class)
  ProblemDetail concurrent(ConcurrentReturnUpdateException e) {
    return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Changed meanwhile",
        e.getMessage());
  }

  /**
   * 409: the order's units or money are taken by its other cases.
   *
   * @param e the limit
   * @return the problem, with {@code orderId}
   */
  @ExceptionHandler(OrderLimitExceededException.class)
  ProblemDetail orderLimit(OrderLimitExceededException e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "order-limit",
        "Over what the order allows", e.getMessage());
    problem.setProperty("orderId", e.orderId().value());
    return problem;
  }

  /**
   * 503: the payment provider is down; the case waits in SETTLING, try again later.
   *
   * @param e the outage
   * @return the problem, with a {@code Retry-After} of a minute
   */
  @ExceptionHandler(PaymentUnavailableException.class)
  ResponseEntity<ProblemDetail> paymentUnavailable(PaymentUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "60")
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-unavailable",
            "Payment provider unavailable", e.getMessage()));
  }

  /**
   * 502: the payment provider refused the payment; a supervisor settles the case by hand.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(PaymentRejectedException.class)
  ProblemDetail paymentRejected(PaymentRejectedException e) {
    return Problems.of(HttpStatus.BAD_GATEWAY, "payment-rejected", "Payment refused",
        e.getMessage());
  }

  /**
   * 502: the carrier's system failed.
   *
   * @param e the failure
   * @return the problem
   */
  @ExceptionHandler(LogisticsException.class)
  ProblemDetail logistics(LogisticsException e) {
    return Problems.of(HttpStatus.BAD_GATEWAY, "logistics-failed", "Carrier failed",
        e.getMessage());
  }

  /**
   * 500: the stored case disagrees with its history (edited behind returnkit's back); the
   * case is refused until someone looks at it ({@code returnkit audit}).
   *
   * @param e the finding
   * @return the problem, with {@code returnId}
   */
  @ExceptionHandler(CaseIntegrityException.class)
  ProblemDetail integrity(CaseIntegrityException e) {
    LOG.error("a stored case disagrees with its history", e);
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "integrity",
        "Case fails its audit", "the stored case disagrees with its history and is refused"
            + " until it is looked at");
    problem.setProperty("returnId", e.returnId().value());
    return problem;
  }

  /**
   * 503: the database failed; nothing was stored.
   *
   * @param e the failure
   * @return the problem, without the database's own words (they go to the log)
   */
  @ExceptionHandler(StorageException.class)
  ProblemDetail storage(StorageException e) {
    LOG.error("storage failed", e);
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
        "Storage unavailable", "the returns database failed; nothing was stored");
  }

  /**
   * 500: anything else returnkit refused (a policy that decided nonsense, a case whose history
   * does not verify). The client gets the kind; the details go to the log.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler(ReturnsException.class)
  ProblemDetail other(ReturnsException e) {
    LOG.error("returnkit refused the call", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
        "returnkit could not do this", "the call failed inside returnkit and stored nothing;"
            + " the service's log says why");
  }

  /** A body that does not read as the form: the field it stopped at, and why. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    JacksonException json = jsonCause(e);
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed", "Malformed body",
        json == null ? "the body is not a JSON document of this endpoint's form"
            : "the body does not read as this endpoint's form");
    if (json != null) {
      Violation violation = new Violation(path(json), reason(json));
      problem.setProperty("violations", List.of(Map.of("path", violation.path(),
          "message", violation.message())));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  private static JacksonException jsonCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException json) {
        return json;
      }
    }
    return null;
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference step : e.getPath()) {
      if (step.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  private static String reason(JacksonException e) {
    if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
    }
    String message = e.getOriginalMessage();
    int cut = message == null ? -1 : message.indexOf('\n');
    return cut < 0 ? String.valueOf(message) : message.substring(0, cut);
  }
}
