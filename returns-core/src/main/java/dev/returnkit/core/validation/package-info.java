/**
 * Input validation: every problem with an input reported at once, as field paths and messages,
 * in one {@link dev.returnkit.core.validation.InvalidReturnRequestException}.
 */
package dev.returnkit.core.validation;
