/**
 * The port contract test kit (TCK): one abstract JUnit 5 test class per stateful port of
 * returns-spi, which an adapter's own test extends to prove it keeps the promises the port's
 * javadoc makes.
 *
 * <p>returnkit does not re-check what its ports did (a repository that lost a write, a gateway
 * that paid twice); it relies on the contract. These classes turn that contract into tests, so
 * a host's adapter for its database, payment provider, warehouse or carrier is held to the same
 * standard as the in-memory adapters of returns-core, which pass them too.
 *
 * <ul>
 *   <li>{@link dev.returnkit.tck.ReturnRepositoryContract}: atomic saves, optimistic locking,
 *       an append-only, intact history, microsecond instants, queries and keyset paging.
 *   <li>{@link dev.returnkit.tck.PaymentGatewayContract}: each idempotency key pays once, a
 *       reused key is refused, the limit per payment reference holds, also under races.
 *   <li>{@link dev.returnkit.tck.InventoryGatewayContract}: each movement key moves units once.
 *   <li>{@link dev.returnkit.tck.ReturnLogisticsContract}: one arrangement per case, repeatable
 *       cancellation.
 * </ul>
 *
 * <p>Add {@code returns-tck} with test scope, next to a JUnit 5 engine. Each contract asks for
 * a fresh adapter before every test and, where the port cannot show it, for a way to read
 * what really happened (money paid out, units moved). {@link dev.returnkit.tck.TckCases}
 * builds valid cases for an adapter's further tests.
 */
package dev.returnkit.tck;
