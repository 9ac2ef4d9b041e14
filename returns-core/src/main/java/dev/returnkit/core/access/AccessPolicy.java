package dev.returnkit.core.access;

/**
 * Decides whether an actor may run an operation on a case. Every use case of the {@code
 * Returns} facade asks it after loading the case and before changing or sending anything; a
 * refusal becomes an {@link dev.returnkit.spi.AccessDeniedException}, is logged at WARN on the
 * logger {@code dev.returnkit.security}, and changes nothing.
 *
 * <p>returnkit asks {@link #standard(ApprovalLimits)} unless the host replaces it, in one place:
 * {@code policies.withAccess(myPolicy)} on the {@link dev.returnkit.core.ReturnPolicies} given to
 * the facade. A host policy may also wrap the standard one, to widen or narrow it:
 *
 * <pre>{@code
 * AccessPolicy standard = AccessPolicy.standard(ApprovalLimits.of(Money.of("250.00", "EUR")));
 * AccessPolicy mine = request ->
 *     request.operation() == Operation.SETTLE && request.actor().role() == ActorRole.AGENT
 *         ? AccessDecision.ALLOWED : standard.decide(request);
 * }</pre>
 *
 * <p>Implementations must be thread-safe and must not call the facade (they run inside its use
 * cases); they should decide from the request alone, quickly.
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Decides one request.
   *
   * @param request who asks for what, on which case
   * @return allowed, or refused with the reason the exception and the log will carry
   */
  AccessDecision decide(AccessRequest request);

  /**
   * returnkit's default policy (docs/security.md has its table).
   *
   * @param agentApprovalLimits up to which value agents may approve, per currency
   * @return the standard policy
   */
  static AccessPolicy standard(ApprovalLimits agentApprovalLimits) {
    return new StandardAccessPolicy(agentApprovalLimits);
  }
}
