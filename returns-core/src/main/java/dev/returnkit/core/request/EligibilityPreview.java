package dev.returnkit.core.request;

import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Objects;

/**
 * The outcome of {@code Returns.preview}: what the eligibility policy would decide for a request
 * now, without storing anything. Shops show it before the customer submits ("this item can be
 * returned until 14 March; return shipping is free").
 *
 * @param status the state the case would open in: {@code APPROVED}, {@code IN_REVIEW} or
 *     {@code REJECTED}
 * @param returnless whether the customer would keep the goods (a returnless refund)
 * @param decision the full decision, line by line, with reason codes and rules
 * @param advanceExchange whether the exchanges would be sent ahead of the goods, as soon as
 *     the return label exists ("your new size ships today")
 */
public record EligibilityPreview(ReturnStatus status, boolean returnless,
    EligibilityDecision decision, boolean advanceExchange) {

  public EligibilityPreview {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(decision, "decision");
  }

  /**
   * A preview with no exchange sent ahead.
   *
   * @param status the state the case would open in
   * @param returnless whether the customer would keep the goods
   * @param decision the full decision
   */
  public EligibilityPreview(ReturnStatus status, boolean returnless,
      EligibilityDecision decision) {
    this(status, returnless, decision, false);
  }
}
