package dev.taskforce.langchain4j;

import dev.taskforce.internal.Json;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tool.ToolSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LangChain4j {@code @Tool} method as a Taskforce tool: its arguments are bound and validated
 * before the method runs, and every problem goes back to the model in one failure message; the
 * method is never called with invalid arguments.
 *
 * <p>Thread-safe when the target object is: calls of one turn run concurrently.
 */
final class MethodToolHandler implements ToolHandler {

  private static final Logger log = LoggerFactory.getLogger(MethodToolHandler.class);

  private final Object target;
  private final Method method;
  private final ToolSpec spec;
  private final ArgumentBinder binder;

  MethodToolHandler(Object target, Method method, ToolSpec spec, List<ToolParameter> parameters) {
    this.target = target;
    this.method = method;
    this.spec = spec;
    this.binder = new ArgumentBinder(target, method, parameters);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolResult call(String argumentsJson, ToolContext context) {
    ArgumentBinder.Bound bound = binder.bind(argumentsJson, context);
    if (bound.arguments() == null) {
      return ToolResult.failure(problems(bound.problems()));
    }
    Object result;
    try {
      result = method.invoke(target, bound.arguments());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      log.debug("tool {} threw {}", spec.name(), cause.getClass().getName(), cause);
      String message = cause.getMessage();
      return ToolResult.failure(
          "tool "
              + spec.name()
              + " failed: "
              + (message == null || message.isBlank()
                  ? cause.getClass().getSimpleName()
                  : message));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + ToolMethods.describe(method), e);
    }
    return ToolResult.success(output(result));
  }

  private String problems(List<String> problems) {
    StringBuilder sb =
        new StringBuilder("Invalid arguments for tool ")
            .append(spec.name())
            .append(
                problems.size() == 1 ? " (1 problem):" : " (" + problems.size() + " problems):");
    for (String p : problems) {
      sb.append("\n- ").append(p);
    }
    return sb.append("\nFix the arguments and call the tool again.").toString();
  }

  private String output(Object result) {
    if (method.getReturnType() == void.class) {
      return "Success"; // what LangChain4j tells the model for a void tool
    }
    if (result instanceof String s) {
      return s;
    }
    return Json.write(result);
  }

  @Override
  public String toString() {
    return "LangChain4j tool " + spec.name() + " (" + ToolMethods.describe(method) + ")";
  }
}
