/**
 * Asking to return goods: the request a customer (or an agent for them) files, the checks of a
 * request against its order, and the eligibility policy that decides it, with the facts it sees
 * and the decision it returns. Also the dry run ({@link dev.returnkit.core.request.EligibilityPreview}).
 */
package dev.returnkit.core.request;
