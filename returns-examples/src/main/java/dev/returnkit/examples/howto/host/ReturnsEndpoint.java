package dev.returnkit.examples.howto.host;

import dev.returnkit.core.ReturnResult;
import dev.returnkit.core.Returns;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.PaymentException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The edge of the host application, where returnkit's exceptions become HTTP answers. Each
 * method stands for an endpoint of the shop's customer portal or back office; the status codes
 * are what a REST API would send:
 *
 * <ul>
 *   <li>{@link InvalidReturnRequestException}: 400, with every field path and message, so the
 *       form can mark every wrong field at once;
 *   <li>{@link ReturnNotFoundException}: 404;
 *   <li>{@link IllegalReturnTransitionException}: 409, naming the case's state and the command
 *       (receiving goods for a case that is still in review);
 *   <li>{@link ConcurrentReturnUpdateException}: another request changed the case first; the
 *       use case is run once more on the fresh case, then 409;
 *   <li>a retryable {@link PaymentException}: 503, the case waits in {@code SETTLING} for the
 *       retry; a final one: 502, for a supervisor.
 * </ul>
 */
public final class ReturnsEndpoint {

  /**
   * An HTTP answer.
   *
   * @param status the status code
   * @param body the body, plain text
   */
  public record Response(int status, String body) {}

  private final Returns returns;

  /**
   * An endpoint over the shop's returnkit.
   *
   * @param returns the facade
   */
  public ReturnsEndpoint(Returns returns) {
    this.returns = Objects.requireNonNull(returns, "returns");
  }

  /**
   * {@code POST /returns}: a customer asks to return items.
   *
   * @param request the request as the portal's form sent it
   * @return 201 with the case id and status, or 400
   */
  public Response requestReturn(ReturnRequest request) {
    return answer(201, () -> returns.request(request));
  }

  /**
   * {@code POST /returns/{id}/receipt}: the warehouse counted a parcel.
   *
   * @param returnId the case
   * @param receipt the counts
   * @return 200, 400, 404 or 409
   */
  public Response receiveParcel(String returnId, GoodsReceipt receipt) {
    return answer(200, () -> returns.receive(ReturnId.of(returnId), receipt));
  }

  /**
   * {@code POST /returns/{id}/settlement}: pays the customer.
   *
   * @param returnId the case
   * @return 200, 404, 409, 502 or 503
   */
  public Response settle(String returnId) {
    return answer(200, () -> returns.settle(ReturnId.of(returnId), Actor.SYSTEM));
  }

  private static Response answer(int success, Supplier<ReturnResult> useCase) {
    try {
      return ok(success, runOnceMoreIfRaced(useCase));
    } catch (InvalidReturnRequestException e) {
      return new Response(400, e.violations().stream().map(Violation::toString)
          .collect(Collectors.joining("\n")));
    } catch (ReturnNotFoundException e) {
      return new Response(404, e.getMessage());
    } catch (IllegalReturnTransitionException | ConcurrentReturnUpdateException e) {
      return new Response(409, e.getMessage());
    } catch (PaymentException e) {
      return new Response(e.isRetryable() ? 503 : 502, e.getMessage());
    }
  }

  /** A lost race stored nothing; the use case reloads the case when run again. */
  private static ReturnResult runOnceMoreIfRaced(Supplier<ReturnResult> useCase) {
    try {
      return useCase.get();
    } catch (ConcurrentReturnUpdateException raced) {
      return useCase.get();
    }
  }

  private static Response ok(int status, ReturnResult result) {
    List<String> events = result.events().stream().map(e -> e.type().name()).toList();
    return new Response(status, result.returnCase().id() + " " + result.returnCase().status()
        + " " + events);
  }
}
