package dev.returnkit.core;

import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.validator.HibernateValidator;

/**
 * Checks input records against their Jakarta Validation constraints with Hibernate Validator,
 * and turns the result into one {@link InvalidReturnRequestException} listing every violation.
 *
 * <p>Building a validator is costly, using one is cheap: create one instance and share it.
 * Thread-safe. Messages are in English whatever the JVM's default locale, so logs and tests
 * read the same everywhere.
 */
public final class InputValidator {

  private final Validator validator;

  private InputValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * A validator backed by Hibernate Validator, with English messages.
   *
   * @return the validator
   */
  public static InputValidator create() {
    // Closing the factory would close the validator's resources too: it lives as long as the
    // InputValidator, which is as long as the Returns facade that uses it.
    ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .defaultLocale(Locale.ENGLISH)
        .locales(Locale.ENGLISH)
        .buildValidatorFactory();
    return new InputValidator(factory.getValidator());
  }

  /**
   * Validates an input record.
   *
   * @param input what is being validated, e.g. {@code return request}
   * @param value the record, not null
   * @param <T> the record type
   * @throws InvalidReturnRequestException listing every violation, if there is any
   */
  public <T> void validate(String input, T value) {
    new Violations(input).addAll(violations(input, value)).throwIfAny();
  }

  /**
   * Validates a record passed as a parameter of its own (an actor beside the case id): a
   * missing one and each of its violations are reported under the parameter's name, e.g.
   * {@code actor} or {@code actor.id}.
   *
   * @param input what is being validated, e.g. {@code settlement}
   * @param parameter the parameter's name
   * @param value the record, or null
   * @param <T> the record type
   * @throws InvalidReturnRequestException listing every violation, if there is any
   */
  public <T> void validateParameter(String input, String parameter, T value) {
    Violations violations = new Violations(input);
    if (value == null) {
      violations.add(parameter, "must not be null");
    } else {
      for (Violation violation : violations(input, value)) {
        violations.add(parameter + "." + violation.path(), violation.message());
      }
    }
    violations.throwIfAny();
  }

  /**
   * Every violation of an input record, for a caller that has more checks to add before it
   * reports them all at once.
   *
   * @param input what is being validated, e.g. {@code return request}
   * @param value the record, not null
   * @param <T> the record type
   * @return the violations, sorted by path; empty if none
   */
  public <T> List<Violation> violations(String input, T value) {
    Objects.requireNonNull(value, () -> input + " must not be null");
    Violations violations = new Violations(input);
    for (ConstraintViolation<T> violation : validator.validate(value)) {
      violations.add(pathOf(violation.getPropertyPath()), violation.getMessage());
    }
    return violations.list();
  }

  /**
   * Renders a property path as {@code lines[1].quantity}. Hibernate Validator's own rendering
   * names container elements ({@code lines[1].<list element>}), which means nothing to the
   * people reading the error.
   */
  private static String pathOf(Path path) {
    StringBuilder text = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        // Sets have neither index nor key: "findings[]" still says which field it was.
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        text.append('[').append(position == null ? "" : position).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(name);
      }
    }
    return text.toString();
  }
}
