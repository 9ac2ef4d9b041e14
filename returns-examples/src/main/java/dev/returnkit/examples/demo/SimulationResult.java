package dev.returnkit.examples.demo;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything a demo run left behind, read back from returnkit's ports: the stored cases and
 * their histories, the published events, the payments the provider made, and the simulation's
 * own counts.
 *
 * @param shop the generated shop
 * @param policies where the rules in force came from
 * @param cases every return case, in order of id
 * @param histories each case's history, oldest entry first
 * @param events every published event, in publication order
 * @param receipts every payment the provider made, one per idempotency key
 * @param paid the instruction each receipt paid, in the same order: the provider's books, with
 *     the tender each payment went to or was taken from
 * @param stats what the simulated world did
 * @param storage where the cases were stored and how fast
 * @param outboxEvents how many events the store's outbox delivered after the run, or empty for
 *     a store without an outbox (in memory)
 */
public record SimulationResult(
    ShopData shop,
    String policies,
    List<ReturnCaseSnapshot> cases,
    Map<ReturnId, List<HistoryEntry>> histories,
    List<ReturnEvent> events,
    List<PaymentReceipt> receipts,
    List<PaymentInstruction> paid,
    SimulationStats stats,
    StorageStats storage,
    OptionalInt outboxEvents) {

  /** Copies the collections. */
  public SimulationResult {
    cases = List.copyOf(cases);
    histories = Map.copyOf(histories);
    events = List.copyOf(events);
    receipts = List.copyOf(receipts);
    paid = List.copyOf(paid);
  }
}
