package dev.returnkit.core.settlement;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which tenders of a split-tender order get refunds back first: the settlement policy's answer
 * to "card or gift card?". Refunds go to the tenders in this order, each up to what it captured
 * less what was refunded to it before; tenders of one kind keep the order's own order.
 *
 * @param order the kinds of tender, first refunded first; kinds left out are added after the
 *     named ones in the order of {@link TenderType}, so that two routings that route alike are
 *     equal
 * @param rationale reason codes and rules of the choice
 */
public record RefundRouting(List<TenderType> order, Rationale rationale) {

  /** Back to the card first, then the other tenders (the order of {@link TenderType}). */
  public static final RefundRouting CARD_FIRST =
      new RefundRouting(List.of(TenderType.values()), Rationale.NONE);

  public RefundRouting {
    Objects.requireNonNull(rationale, "rationale");
    if (order.stream().distinct().count() < order.size()) {
      throw new IllegalArgumentException("refund routing names a tender twice: " + order);
    }
    List<TenderType> complete = new ArrayList<>(order);
    for (TenderType type : TenderType.values()) {
      if (!complete.contains(type)) {
        complete.add(type);
      }
    }
    order = List.copyOf(complete);
  }

  /**
   * An order's tenders in the order refunds go to them.
   *
   * @param tenders the order's tenders
   * @return the same tenders, first refunded first
   */
  public List<Tender> route(List<Tender> tenders) {
    List<Tender> routed = new ArrayList<>(tenders);
    routed.sort(Comparator.comparingInt(this::rank));
    return routed;
  }

  private int rank(Tender tender) {
    return order.indexOf(tender.type());
  }
}
