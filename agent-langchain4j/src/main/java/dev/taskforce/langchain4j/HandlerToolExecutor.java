package dev.taskforce.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Taskforce tool as a LangChain4j {@link ToolExecutor}: a failure result is an error result, and
 * an exception the tool throws anyway becomes one too, as the Taskforce tool contract promises.
 */
final class HandlerToolExecutor implements ToolExecutor {

  private static final Logger log = LoggerFactory.getLogger(HandlerToolExecutor.class);

  private final ToolHandler handler;
  private final ToolContext context;

  HandlerToolExecutor(ToolHandler handler, ToolContext context) {
    this.handler = handler;
    this.context = context;
  }

  @Override
  public String execute(ToolExecutionRequest request, @Nullable Object memoryId) {
    return run(request).content();
  }

  @Override
  public ToolExecutionResult executeWithContext(
      ToolExecutionRequest request, @Nullable InvocationContext invocation) {
    ToolResult r = run(request);
    return ToolExecutionResult.builder().isError(r.isError()).resultText(r.content()).build();
  }

  private ToolResult run(ToolExecutionRequest request) {
    ToolContext ctx = context.toBuilder().toolCallId(request.id()).build();
    String arguments = request.arguments() == null ? "{}" : request.arguments();
    try {
      return handler.call(arguments, ctx);
    } catch (RuntimeException e) {
      log.debug("tool {} threw {}", handler.spec().name(), e.getClass().getName(), e);
      String message = e.getMessage();
      return ToolResult.failure(
          "tool "
              + handler.spec().name()
              + " failed: "
              + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message));
    }
  }
}
