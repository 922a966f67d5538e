package dev.taskforce.tools;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.tool.ToolContext;
import java.lang.reflect.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Supplies a tool method parameter the model does not see, in two phases: {@link #supports} once
 * when the method is registered (so the parameter is left out of the schema), {@link #resolve} on
 * every call.
 */
interface ArgumentResolver {

  /** The resolvers, in the order they are asked. */
  List<ArgumentResolver> ALL =
      List.of(new Fixed(ToolContext.class), new Fixed(CancellationToken.class), new ContextValue());

  /**
   * Whether this resolver supplies the parameter. Called once per parameter, at registration.
   *
   * @param parameter a parameter without {@link Param}
   */
  boolean supports(Parameter parameter);

  /**
   * The value for one call.
   *
   * @throws MissingValueException when the context lacks a value the parameter needs
   */
  @Nullable Object resolve(Parameter parameter, boolean nullable, ToolContext context);

  /** The call's context itself, or its cancellation token. */
  final class Fixed implements ArgumentResolver {
    private final Class<?> type;

    Fixed(Class<?> type) {
      this.type = type;
    }

    @Override
    public boolean supports(Parameter parameter) {
      return parameter.getType() == type;
    }

    @Override
    public Object resolve(Parameter parameter, boolean nullable, ToolContext context) {
      return type == ToolContext.class ? context : context.cancellation();
    }
  }

  /** A value the application put into the {@link ToolContext} under the parameter's type. */
  final class ContextValue implements ArgumentResolver {
    @Override
    public boolean supports(Parameter parameter) {
      return !ModelTypes.isModelValue(parameter.getType());
    }

    @Override
    public @Nullable Object resolve(Parameter parameter, boolean nullable, ToolContext context) {
      Object value = context.value(parameter.getType()).orElse(null);
      if (value == null && !nullable) {
        throw new MissingValueException(parameter.getType());
      }
      return value;
    }
  }

  /** A context value a tool needs is missing: an application error, reported to the model too. */
  final class MissingValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingValueException(Class<?> type) {
      super(
          "the tool needs a "
              + type.getSimpleName()
              + " from the application, and this run did not supply one; the tool cannot be used"
              + " here",
          null,
          false,
          false);
    }
  }
}
