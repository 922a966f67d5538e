package dev.taskforce.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.internal.Validation;
import dev.taskforce.output.OutputType;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the planner is told and how its answers are read: one strict schema that holds either a plan
 * (steps whose executor is an enum of the configured names) or the final answer (the requested
 * type's own strict schema, embedded).
 */
final class PlannerProtocol {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlannerProtocol() {}

  static String instructions(List<Executor> executors, int maxSteps, int maxRounds, String extra) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "You are the planner of a team. You turn a goal into a plan of steps, hand each step to one"
            + " of the executors below, review what they return, and give the final answer.\n\n"
            + "Executors:\n");
    for (Executor e : executors) {
      sb.append("- ").append(e.name()).append(": ");
      sb.append(e.description().isEmpty() ? "(no description)" : e.description());
      if (!e.tools().isEmpty()) {
        sb.append(" Tools: ");
        sb.append(String.join(", ", e.tools().stream().map(t -> t.spec().name()).toList()));
        sb.append('.');
      }
      sb.append('\n');
    }
    sb.append("\nHow to answer: always one JSON object.\n")
        .append("- To plan: {\"kind\":\"plan\",\"steps\":[...],\"answer\":null}. Each step has a")
        .append(" short unique id (s1, s2, ...; never reuse an id of an earlier round), the")
        .append(" executor that does it, self-contained instructions (the executor sees only")
        .append(" them and the results of the steps it depends on), and dependsOn: the ids of the")
        .append(" steps whose results it needs (steps of earlier rounds allowed). Steps that do")
        .append(" not depend on each other run at the same time, so split independent work.")
        .append(" At most ")
        .append(maxSteps)
        .append(" steps per plan, no cycles.\n")
        .append("- To answer: {\"kind\":\"answer\",\"steps\":null,\"answer\":{...}} once the")
        .append(" results are enough.\n")
        .append("You have at most ")
        .append(maxRounds)
        .append(" planning rounds.\n");
    if (!extra.isEmpty()) {
      sb.append('\n').append(extra).append('\n');
    }
    return sb.toString();
  }

  static <T> OutputType<PlannerTurn> outputType(List<Executor> executors, Class<T> answerType) {
    ObjectNode schema = schema(executors, answerType);
    return OutputType.custom(
        PlannerTurn.class,
        "plan_or_answer",
        JsonSchema.fromTree(schema),
        json -> read(json, answerType));
  }

  private static ObjectNode schema(List<Executor> executors, Class<?> answerType) {
    ObjectNode defs = F.objectNode();
    ObjectNode answer = answerSchema(answerType, defs);
    ObjectNode step = defs.putObject("PlanStep");
    step.put("type", "object").put("additionalProperties", false);
    step.putArray("required").add("id").add("executor").add("instructions").add("dependsOn");
    ObjectNode sp = step.putObject("properties");
    sp.putObject("id").put("type", "string").put("description", "Unique step id such as s1");
    ArrayNode names = sp.putObject("executor").put("type", "string").putArray("enum");
    executors.forEach(e -> names.add(e.name()));
    sp.putObject("instructions")
        .put("type", "string")
        .put("description", "What the executor must do");
    sp.putObject("dependsOn")
        .put("type", "array")
        .put("description", "Ids of the steps whose results this step needs")
        .putObject("items")
        .put("type", "string");

    ObjectNode root = F.objectNode();
    root.put("type", "object").put("additionalProperties", false);
    root.putArray("required").add("kind").add("steps").add("answer");
    ObjectNode props = root.putObject("properties");
    props.putObject("kind").put("type", "string").putArray("enum").add("plan").add("answer");
    ArrayNode stepsAny = props.putObject("steps").putArray("anyOf");
    stepsAny.addObject().put("type", "array").putObject("items").put("$ref", "#/$defs/PlanStep");
    stepsAny.addObject().put("type", "null");
    ArrayNode answerAny = props.putObject("answer").putArray("anyOf");
    answerAny.add(answer);
    answerAny.addObject().put("type", "null");
    root.set("$defs", defs);
    return root;
  }

  /** The answer's strict schema, with its definitions moved into {@code defs} under new names. */
  private static ObjectNode answerSchema(Class<?> type, ObjectNode defs) {
    if (type == String.class) {
      return F.objectNode().put("type", "string");
    }
    ObjectNode own = (ObjectNode) JsonSchemas.strictOf(type).node();
    JsonNode ownDefs = own.remove("$defs");
    if (ownDefs == null) {
      ownDefs = own.remove("definitions");
    }
    rewriteRefs(own);
    if (ownDefs != null) {
      Iterator<Map.Entry<String, JsonNode>> it = ownDefs.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        rewriteRefs(e.getValue());
        defs.set("Answer_" + e.getKey(), e.getValue());
      }
    }
    defs.set("Answer", own);
    return F.objectNode().put("$ref", "#/$defs/Answer");
  }

  private static void rewriteRefs(JsonNode node) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual()) {
        String r = ref.textValue();
        if (r.equals("#")) {
          o.put("$ref", "#/$defs/Answer");
        } else if (r.startsWith("#/$defs/")) {
          o.put("$ref", "#/$defs/Answer_" + r.substring("#/$defs/".length()));
        } else if (r.startsWith("#/definitions/")) {
          o.put("$ref", "#/$defs/Answer_" + r.substring("#/definitions/".length()));
        }
      }
      o.elements().forEachRemaining(PlannerProtocol::rewriteRefs);
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(PlannerProtocol::rewriteRefs);
    }
  }

  private static PlannerTurn read(String json, Class<?> answerType) throws JsonProcessingException {
    JsonNode root = Json.MAPPER.readTree(json);
    String kind = root.path("kind").asText("");
    if (kind.equals("plan")) {
      JsonNode steps = root.get("steps");
      if (steps == null || !steps.isArray() || steps.isEmpty()) {
        throw JsonMappingException.from(
            (com.fasterxml.jackson.core.JsonParser) null,
            "kind is plan but steps is empty or null");
      }
      List<Step> list = new ArrayList<>();
      for (JsonNode s : steps) {
        list.add(Json.MAPPER.treeToValue(s, Step.class));
      }
      return new PlannerTurn(list, null);
    }
    if (kind.equals("answer")) {
      JsonNode answer = root.get("answer");
      if (answer == null || answer.isNull()) {
        throw JsonMappingException.from(
            (com.fasterxml.jackson.core.JsonParser) null, "kind is answer but answer is null");
      }
      Object value = JsonSchemas.reader(answerType).treeToValue(answer, answerType);
      List<String> violations = new ArrayList<>();
      for (ConstraintViolation<Object> v : Validation.validator().validate(value)) {
        violations.add(
            "$.answer."
                + v.getPropertyPath()
                + ": "
                + v.getMessage()
                + " (was "
                + v.getInvalidValue()
                + ")");
      }
      if (!violations.isEmpty()) {
        java.util.Collections.sort(violations);
        throw JsonMappingException.from(
            (com.fasterxml.jackson.core.JsonParser) null, String.join("; ", violations));
      }
      return new PlannerTurn(null, value);
    }
    throw JsonMappingException.from(
        (com.fasterxml.jackson.core.JsonParser) null,
        "kind must be \"plan\" or \"answer\", was: " + kind);
  }
}
