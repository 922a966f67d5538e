package dev.taskforce.internal;

import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The shared Jakarta {@link Validator}.
 *
 * <p>Messages are interpolated without the Jakarta Expression Language, so no EL implementation is
 * needed on the class path. The validator is thread-safe.
 */
public final class Validation {

  private static final Validator VALIDATOR =
      jakarta.validation.Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private Validation() {}

  /**
   * The shared validator.
   *
   * @return the validator
   */
  public static Validator validator() {
    return VALIDATOR;
  }
}
