package dev.returnkit.core;

import dev.returnkit.core.access.AccessDecision;
import dev.returnkit.core.access.AccessPolicy;
import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.spi.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the use cases ask the access policy, before they change or send anything. A refusal is
 * logged at WARN on {@code dev.returnkit.security}, one line per refusal with the actor, the
 * operation, the case and the reason, so that security monitoring can alert on it without
 * parsing returnkit's other logs. Thread-safe.
 */
final class AccessGuard {

  /** The logger security monitoring watches; its name is part of the documented contract. */
  static final String LOGGER = "dev.returnkit.security";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final AccessPolicy policy;

  AccessGuard(AccessPolicy policy) {
    this.policy = policy;
  }

  /** Refuses the request unless the policy allows it. */
  void check(AccessRequest request) {
    AccessDecision decision = policy.decide(request);
    if (decision == null) {
      throw new IllegalStateException("the access policy " + policy.getClass().getName()
          + " gave no decision for " + request.operation());
    }
    if (!decision.allowed()) {
      AccessDeniedException denied = new AccessDeniedException(request.actor(),
          request.operation(), request.returnId().orElse(null), request.orderId(),
          decision.reason());
      log.warn(denied.getMessage());
      throw denied;
    }
  }
}
