package dev.taskforce.tools;

import dev.taskforce.internal.Json;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tool.ToolSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Tool} method bound to its object: the handler {@link Tools#from} returns. */
final class MethodToolHandler implements ToolHandler {

  private static final Logger log = LoggerFactory.getLogger(Tools.class);

  /** What a method without a result answers. */
  static final String VOID_RESULT = "done";

  private final ToolMethod tool;
  private final @Nullable Object target;
  private final ToolSpec spec;

  MethodToolHandler(ToolMethod tool, Object target) {
    this.tool = tool;
    this.target = Modifier.isStatic(tool.method.getModifiers()) ? null : target;
    this.spec = new ToolSpec(tool.name, tool.description, tool.schema, true);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Optional<Duration> timeout() {
    return Optional.ofNullable(tool.timeout);
  }

  @Override
  public ToolResult call(String argumentsJson, ToolContext context) {
    ArgumentBinder.Outcome outcome;
    try {
      outcome = ArgumentBinder.bind(tool, target, argumentsJson, context);
    } catch (ArgumentResolver.MissingValueException e) {
      log.warn("tool {} ({}) cannot run: {}", tool.name, tool.where(), e.getMessage());
      return ToolResult.failure(e.getMessage());
    }
    if (outcome instanceof ArgumentBinder.Invalid invalid) {
      return ToolResult.failure(invalidMessage(invalid));
    }
    Object[] args = ((ArgumentBinder.Bound) outcome).arguments();
    Object value;
    try {
      value = tool.method.invoke(target, args);
    } catch (InvocationTargetException e) {
      return failure(e.getCause() == null ? e : e.getCause());
    } catch (IllegalAccessException e) {
      return failure(e);
    }
    return result(value);
  }

  private String invalidMessage(ArgumentBinder.Invalid invalid) {
    StringBuilder sb =
        new StringBuilder("Invalid arguments for tool \"")
            .append(tool.name)
            .append("\"; it did not run. Fix every problem and call it again:");
    for (ArgumentProblem p : invalid.problems()) {
      sb.append("\n- ").append(p);
    }
    return sb.toString();
  }

  private ToolResult failure(Throwable e) {
    if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
      throw fatal;
    }
    log.warn("tool {} ({}) failed", tool.name, tool.where(), e);
    String message = e.getMessage();
    return ToolResult.failure(
        message == null || message.isBlank()
            ? "the tool failed: " + e.getClass().getSimpleName()
            : message);
  }

  private ToolResult result(@Nullable Object value) {
    Class<?> returns = tool.method.getReturnType();
    if (returns == void.class || returns == Void.class) {
      return ToolResult.success(VOID_RESULT);
    }
    if (value instanceof String s) {
      return ToolResult.success(s);
    }
    try {
      return ToolResult.success(Json.write(value));
    } catch (RuntimeException e) {
      log.warn("tool {} ({}): its result cannot be written as JSON", tool.name, tool.where(), e);
      return ToolResult.failure("the tool's result could not be written as JSON");
    }
  }

  @Override
  public String toString() {
    return "tool " + tool.name + " (" + tool.where() + ")";
  }
}
