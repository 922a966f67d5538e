package dev.taskforce.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.taskforce.internal.Json;
import dev.taskforce.tool.ToolContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a model's argument text into the Java arguments of a tool method, or into every problem
 * that stops it: malformed JSON, missing or unknown fields, wrong types, then Jakarta violations.
 */
final class ArgumentBinder {

  private static final ObjectReader TREE_READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ArgumentBinder() {}

  /** The outcome of binding. */
  sealed interface Outcome {}

  /** Arguments ready for the call. */
  record Bound(@Nullable Object[] arguments) implements Outcome {}

  /** Arguments the method must not be called with; never empty. */
  record Invalid(List<ArgumentProblem> problems) implements Outcome {}

  /**
   * Binds the arguments of one call.
   *
   * @throws ArgumentResolver.MissingValueException if an injected value is missing
   */
  static Outcome bind(
      ToolMethod tool, @Nullable Object target, String argumentsJson, ToolContext context) {
    JsonNode args;
    try {
      args =
          argumentsJson.isBlank()
              ? Json.MAPPER.createObjectNode()
              : TREE_READER.readTree(argumentsJson);
    } catch (JsonProcessingException e) {
      return invalid("$", "not valid JSON" + location(e) + ": " + e.getOriginalMessage());
    }
    if (args == null || !args.isObject()) {
      return invalid(
          "$",
          "the arguments must be a JSON object, got "
              + (args == null ? "nothing" : args.getNodeType()));
    }
    List<ArgumentProblem> problems = new ArrayList<>(tool.check.check(args));
    if (!problems.isEmpty()) {
      return new Invalid(problems);
    }
    Object[] values = new Object[tool.parameters.size()];
    for (int i = 0; i < values.length; i++) {
      ToolParameter p = tool.parameters.get(i);
      if (p instanceof ToolParameter.Injected in) {
        values[i] = in.resolver().resolve(in.parameter(), in.nullable(), context);
      } else {
        ToolParameter.ModelArgument a = (ToolParameter.ModelArgument) p;
        try {
          values[i] = read(a, args.get(a.name()));
        } catch (IOException e) {
          problems.add(problem(a.name(), e));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Invalid(problems);
    }
    List<ArgumentProblem> violations =
        ConstraintCheck.check(target, tool.method, tool.constrained, values, tool.argumentNames);
    return violations.isEmpty() ? new Bound(values) : new Invalid(violations);
  }

  private static @Nullable Object read(ToolParameter.ModelArgument a, @Nullable JsonNode node)
      throws IOException {
    if (node == null || node.isNull()) {
      return a.isOptional() ? Optional.empty() : null;
    }
    return a.reader().readValue(node);
  }

  private static ArgumentProblem problem(String name, IOException e) {
    StringBuilder path = new StringBuilder("$.").append(name);
    String message = e.getMessage();
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append('.').append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      message = m.getOriginalMessage();
    }
    return new ArgumentProblem(path.toString(), String.valueOf(message));
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static Invalid invalid(String path, String message) {
    return new Invalid(List.of(new ArgumentProblem(path, message)));
  }
}
