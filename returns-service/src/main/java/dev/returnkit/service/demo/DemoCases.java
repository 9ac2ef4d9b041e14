package dev.returnkit.service.demo;

import dev.returnkit.core.Returns;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Clock;

/**
 * The demo's cases, made through the facade as customers and staff would: one approved and
 * shipped, two waiting in review (high values), one received, inspected and paid.
 */
final class DemoCases {

  private DemoCases() {}

  /**
   * Makes the cases.
   *
   * @param returns the facade
   * @param clock the clock of the carrier's events
   */
  static void make(Returns returns, Clock clock) {
    ReturnId tees = returns.request(ReturnRequest.byCustomer("O-1001", "C-1001")
        .withLine("L-2", 2, ReturnReason.DOES_NOT_FIT)).returnCase().id();
    returns.arrangeShipment(tees, ShipmentOptions.label(Actor.customer("C-1001")));

    returns.request(ReturnRequest.byCustomer("O-1002", "C-1002")
        .withLine("L-1", 1, ReturnReason.NOT_AS_DESCRIBED));
    returns.request(ReturnRequest.byCustomer("O-1003", "C-1003")
        .withLine("L-1", 2, ReturnReason.CHANGED_MIND));

    ReturnId lamp = returns.request(ReturnRequest.byCustomer("O-1004", "C-1001")
        .withLine("L-1", 1, ReturnReason.DAMAGED_IN_TRANSIT)).returnCase().id();
    String tracking = returns.arrangeShipment(lamp,
        ShipmentOptions.label(Actor.customer("C-1001"))).returnCase().shipment()
        .trackingNumber();
    returns.recordCarrierEvent(lamp, CarrierEvent.deliveredToWarehouse(tracking,
        clock.instant()), Actor.system("carrier"));
    returns.receive(lamp, GoodsReceipt.by(Actor.warehouse("warehouse")).withLine("L-1", 1));
    returns.inspect(lamp, InspectionReport.by(Actor.warehouse("warehouse"))
        .withLine("L-1", 1, ItemGrade.A));
    returns.settle(lamp, Actor.system("returnkit"));
  }
}
