/**
 * Tamper evidence: whether a stored case agrees with its hash-chained history ({@link
 * dev.returnkit.core.audit.CaseAudit}), what disagrees ({@link
 * dev.returnkit.core.audit.AuditFinding}), and the report of a case or of a page of the store
 * ({@link dev.returnkit.core.audit.CaseAuditReport}, {@link
 * dev.returnkit.core.audit.AuditPage}). docs/security.md has the threat model: what is found,
 * by what, and what is not.
 */
package dev.returnkit.core.audit;
