/**
 * Who may do what: the {@link dev.returnkit.core.access.AccessPolicy} every use case of the
 * {@code Returns} facade asks before it changes or sends anything, and the
 * {@link dev.returnkit.core.access.StandardAccessPolicy} it asks unless the host gives its own
 * (customers on their own returns, agents within an approval limit, supervisors, the warehouse,
 * system actors; nobody reviews a return they requested). docs/security.md has the table.
 *
 * <p>Who the actor really is (authentication) stays the host's job: returnkit trusts the
 * {@link dev.returnkit.spi.vocabulary.Actor} it is handed and decides what that actor may do.
 */
package dev.returnkit.core.access;
