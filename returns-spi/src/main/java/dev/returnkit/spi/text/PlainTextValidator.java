package dev.returnkit.spi.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PlainText}. Thread-safe once initialised, as Jakarta Validation requires.
 */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

  private boolean multiline;

  /** Created by the validation provider. */
  public PlainTextValidator() {}

  @Override
  public void initialize(PlainText constraint) {
    multiline = constraint.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int bad = firstForbidden(value, multiline);
    if (bad < 0) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(describe(value, bad, multiline)
            .replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$"))
        .addConstraintViolation();
    return false;
  }

  /**
   * The index of the first character {@link PlainText} forbids.
   *
   * @param value the text
   * @param multiline whether newlines and tabs are allowed
   * @return the index, or -1 if the text is plain
   */
  public static int firstForbidden(CharSequence value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c) || isForbidden(c, multiline)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isForbidden(char c, boolean multiline) {
    if (multiline && (c == '\n' || c == '\t')) {
      return false;
    }
    return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** The message for the character at {@code index}. */
  static String describe(CharSequence value, int index, boolean multiline) {
    char c = value.charAt(index);
    String code = String.format("U+%04X at index %d", (int) c, index);
    if (Character.isSurrogate(c)) {
      return "must not contain an unpaired surrogate (" + code + ")";
    }
    if (Character.isISOControl(c)) {
      return "must not contain control characters"
          + (multiline ? " other than newline and tab" : "") + " (" + code + ")";
    }
    return "must not contain bidirectional overrides (" + code + ")";
  }
}
