package dev.returnkit.service.api;

import dev.returnkit.core.InputValidator;
import dev.returnkit.core.Returns;
import dev.returnkit.service.security.CurrentActor;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.vocabulary.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/carrier-events/{id}}: the carrier's webhook, telling the case that its parcel
 * moved (in transit, delivered to the warehouse, lost). The carrier signs in as a user of role
 * {@code system}; the event's tracking number must be the case's.
 */
@RestController
public class CarrierWebhookController {

  private final Returns returns;
  private final InputValidator validator;

  /**
   * The webhook.
   *
   * @param returns the facade
   * @param validator the input validation
   */
  public CarrierWebhookController(Returns returns, InputValidator validator) {
    this.returns = returns;
    this.validator = validator;
  }

  /**
   * Records the carrier's event.
   *
   * @param id the case
   * @param form the event
   * @param carrier the signed-in carrier
   * @return the result
   */
  @PostMapping("/api/carrier-events/{id}")
  public Views.Result record(@PathVariable String id, @RequestBody Forms.CarrierEvent form,
      Authentication carrier) {
    ReturnId returnId = FormReader.returnId(id);
    CarrierEvent event = FormReader.carrierEvent(validator, form);
    Actor actor = CurrentActor.of(carrier);
    return Views.Result.of(Races.retryOnce(() ->
        returns.recordCarrierEvent(returnId, event, actor)));
  }
}
