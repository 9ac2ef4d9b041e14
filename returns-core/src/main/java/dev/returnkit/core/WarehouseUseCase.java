package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The warehouse: counting what arrived, and the inspection with its liability and disposition
 * decisions, after which the accepted units go to the inventory port. Thread-safe.
 */
final class WarehouseUseCase {

  private final CaseStore store;
  private final AccessGuard access;
  private final ReturnPolicies policies;
  private final SideEffects sideEffects;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  WarehouseUseCase(CaseStore store, AccessGuard access, ReturnPolicies policies,
      SideEffects sideEffects, InputValidator validator, Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.policies = policies;
    this.sideEffects = sideEffects;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult receive(ReturnId id, GoodsReceipt receipt) {
    validator.validate("goods receipt", receipt);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(receipt.receivedBy(), Operation.RECEIVE,
        returnCase.snapshot(), null));
    returnCase.receive(receipt, now.get());
    return store.commit(returnCase);
  }

  ReturnResult inspect(ReturnId id, InspectionReport report) {
    validator.validate("inspection report", report);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(report.inspectedBy(), Operation.INSPECT,
        returnCase.snapshot(), null));
    returnCase.inspect(report, policies.liability(), policies.disposition(), now.get());
    ReturnResult result = store.commit(returnCase);
    // The inspection is stored either way; settle() sends the same movements again.
    sideEffects.moveStockQuietly(returnCase);
    return result;
  }

  List<StockMovement> syncInventory(ReturnId id, Actor actor) {
    validator.validateParameter("inventory sync", "actor", actor);
    ReturnCase returnCase = store.load(id);
    access.check(AccessRequest.onCase(actor, Operation.SYNC_INVENTORY, returnCase.snapshot(),
        null));
    return sideEffects.moveStock(returnCase);
  }
}
