package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.LiabilityPolicy;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way back: arranging the shipment through the logistics port, and the carrier's reports
 * (late, repeated and out-of-order ones are recognised and ignored). Thread-safe.
 */
final class ShipmentUseCase {

  private static final Logger log = LoggerFactory.getLogger(ShipmentUseCase.class);

  private final CaseStore store;
  private final AccessGuard access;
  private final ReturnLogistics logistics;
  private final LiabilityPolicy liability;
  private final SideEffects sideEffects;
  private final AdvanceExchanges advance;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  ShipmentUseCase(CaseStore store, AccessGuard access, ReturnLogistics logistics,
      LiabilityPolicy liability, SideEffects sideEffects, AdvanceExchanges advance,
      InputValidator validator, Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.logistics = logistics;
    this.liability = liability;
    this.sideEffects = sideEffects;
    this.advance = advance;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult arrangeShipment(ReturnId id, ShipmentOptions options) {
    validator.validate("shipment options", options);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(options.requestedBy(), Operation.ARRANGE_SHIPMENT,
        returnCase.snapshot(), null));
    Instant at = now.get();
    // Idempotent per case at the port: after a lost race, a retry gets the same label back.
    ShipmentArrangement arrangement =
        logistics.arrange(returnCase.shipmentRequest(options.method(), at));
    returnCase.arrangeShipment(arrangement, options.requestedBy(), at);
    ReturnResult arranged;
    try {
      arranged = store.commit(returnCase);
    } catch (ConcurrentReturnUpdateException raced) {
      // If the race was lost to a cancellation (or anything else that took the case away from
      // this shipment), nobody else knows about the label: cancel it, or it stays usable.
      boolean stillWanted = store.repository().findById(id)
          .map(stored -> stored.status() == ReturnStatus.APPROVED
              || (stored.shipment() != null
                  && stored.shipment().trackingNumber().equals(arrangement.trackingNumber())))
          .orElse(false);
      if (!stillWanted) {
        sideEffects.cancelShipmentQuietly(id, arrangement.trackingNumber());
      }
      throw raced;
    }
    // The case now has its drop-off deadline: an advance exchange's replacement can go out.
    advance.placeQuietly(returnCase);
    return arranged;
  }

  ReturnResult recordCarrierEvent(ReturnId id, CarrierEvent event, Actor actor) {
    validator.validate("carrier event", event);
    validator.validateParameter("carrier event", "reportedBy", actor);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(actor, Operation.RECORD_CARRIER_EVENT,
        returnCase.snapshot(), null));
    Instant at = now.get();
    if (returnCase.isSupersededBy(event, at)) {
      if (event.type() == CarrierEventType.LOST
          && returnCase.status() != ReturnStatus.LOST_IN_TRANSIT) {
        log.warn("Carrier reported parcel {} of return case {} lost after delivering it; ignored",
            event.trackingNumber(), id);
      } else {
        log.info("Carrier report {} for return case {} ({}) is older news; ignored",
            event.type(), id, returnCase.status());
      }
      return new ReturnResult(returnCase.snapshot(), List.of());
    }
    returnCase.recordCarrierEvent(event, liability, actor, at);
    return store.commit(returnCase);
  }
}
