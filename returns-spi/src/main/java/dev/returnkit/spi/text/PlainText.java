package dev.returnkit.spi.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text holds no control characters (U+0000 to U+001F, U+007F to U+009F), no
 * unpaired surrogate (it could not be stored as UTF-8), and no bidirectional override or isolate
 * (U+202A to U+202E, U+2066 to U+2069), which make a note read differently from what it holds.
 * Free text ({@code multiline = true}: notes, reasons) may hold newlines and tabs; ids and
 * one-line values (actor ids, tracking numbers, references) may not, so that they cannot break a
 * log line. {@code null} is valid: combine with {@code @NotNull} where text is required.
 *
 * <p>The violation's message names the first offending character and its position, e.g. {@code
 * must not contain control characters (U+0000 at index 4)}.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  /**
   * Whether newlines and tabs are allowed.
   *
   * @return true for free text, false (the default) for ids and one-line values
   */
  boolean multiline() default false;

  /**
   * The message template; the validator replaces it with one naming the character.
   *
   * @return the message
   */
  String message() default "must not contain control characters";

  /**
   * Validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * Payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
