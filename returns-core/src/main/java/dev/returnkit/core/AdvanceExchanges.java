package dev.returnkit.core;

import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.exchange.ReplacementRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replacements of advance exchanges at the host's order system: placed once the case's
 * return shipment is arranged (so the case has a drop-off deadline that charges for goods not
 * sent back), cancelled with the case, and asked about when the deadline passes. The key is the
 * case's, the one the settlement places its replacement with, so a replacement is placed once
 * whichever comes first. Without the port nothing is exchanged in advance (the eligibility
 * decisions are stripped of it), and every method does nothing. Thread-safe.
 */
final class AdvanceExchanges {

  private static final Logger log = LoggerFactory.getLogger(AdvanceExchanges.class);

  private final ReplacementOrders replacements;

  AdvanceExchanges(ReplacementOrders replacements) {
    this.replacements = replacements;
  }

  /**
   * Places the replacement of a case exchanged in advance. A failure is logged, not passed
   * on: the shipment is arranged and stored by then, the settlement places the replacement
   * with the same key, and a deadline passing charges only for a replacement that was placed.
   */
  void placeQuietly(ReturnCase returnCase) {
    Optional<ReplacementRequest> request = advanceRequest(returnCase);
    if (request.isEmpty()) {
      return;
    }
    try {
      ReplacementOrder placed = replacements.place(request.get());
      log.debug("Advance replacement {} placed for return case {}", placed.orderId(),
          returnCase.id());
    } catch (RuntimeException e) {
      log.warn("Placing the advance replacement of return case {} failed; it is placed at "
          + "settlement instead", returnCase.id(), e);
    }
  }

  /**
   * The replacement sent ahead of a case's goods: placed and not cancelled.
   *
   * @return the order, or empty if the case is no advance exchange or nothing was sent
   */
  Optional<ReplacementOrder> sent(ReturnCase returnCase) {
    return advanceRequest(returnCase)
        .flatMap(request -> replacements.find(request.idempotencyKey()))
        .filter(order -> !order.isCancelled());
  }

  /**
   * Cancels the replacement sent ahead of a case that is being cancelled. The order system's
   * refusal (it has shipped) is passed on, so that the case is not cancelled either: the
   * customer then sends the goods back, or the deadline charges the replacement.
   */
  void cancel(ReturnCase returnCase) {
    advanceRequest(returnCase).ifPresent(request -> replacements.cancel(
        request.idempotencyKey()));
  }

  private Optional<ReplacementRequest> advanceRequest(ReturnCase returnCase) {
    if (replacements == null || !returnCase.isExchangedInAdvance()) {
      return Optional.empty();
    }
    return returnCase.replacementRequest();
  }
}
