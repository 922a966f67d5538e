package dev.taskforce.output;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.taskforce.internal.Validation;
import dev.taskforce.model.ResponseFormat;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Java type used as a model's answer: its strict schema, and parsing plus validation of answers.
 *
 * <p>Immutable and thread-safe; the schema is generated once per type (and cached by {@link
 * JsonSchemas}).
 *
 * @param <T> the answer type
 */
public final class OutputType<T> {

  private final Class<T> type;
  private final JsonSchema schema;
  private final String name;
  private final Reader<T> reader;

  private OutputType(Class<T> type, String name, JsonSchema schema, Reader<T> reader) {
    this.type = type;
    this.schema = schema;
    this.name = name;
    this.reader = reader;
  }

  /**
   * The output type for a class.
   *
   * @param type a record or class Jackson can read
   * @param <T> the type
   * @return the output type
   * @throws IllegalArgumentException if the type cannot be described by a strict schema
   */
  public static <T> OutputType<T> of(Class<T> type) {
    requireNonNull(type, "type == null");
    ObjectReader read = JsonSchemas.reader(type);
    return new OutputType<>(
        type, schemaName(type), JsonSchemas.strictOf(type), json -> read.readValue(json));
  }

  /**
   * An output type with a schema and reader of the caller's own, for answers whose shape is only
   * known at run time (an orchestrator's planner answers with a plan whose executor names are an
   * enum of the configured executors, for example).
   *
   * @param type the class of the values the reader returns (for messages)
   * @param name the schema's name, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
   * @param schema the strict schema answers must follow
   * @param reader reads an answer's JSON text into a value; its Jackson exceptions become problems
   *     the model is told about
   * @param <T> the type
   * @return the output type; answers are still validated with Jakarta Validation
   */
  public static <T> OutputType<T> custom(
      Class<T> type, String name, JsonSchema schema, Reader<T> reader) {
    new ResponseFormat.JsonSchemaFormat(name, schema, true, null); // checks the name
    return new OutputType<>(
        requireNonNull(type, "type == null"),
        name,
        requireNonNull(schema, "schema == null"),
        requireNonNull(reader, "reader == null"));
  }

  /**
   * Reads an answer's JSON text.
   *
   * @param <T> the type read
   */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * Reads a value.
     *
     * @param json the answer text, with any Markdown code fence removed
     * @return the value
     * @throws JsonProcessingException when the text does not describe a value
     */
    T read(String json) throws JsonProcessingException;
  }

  /**
   * @return the answer type
   */
  public Class<T> type() {
    return type;
  }

  /**
   * @return the strict JSON schema answers must follow
   */
  public JsonSchema schema() {
    return schema;
  }

  /**
   * The response format to request.
   *
   * @param jsonSchemaSupported whether the model takes a strict {@code json_schema} format
   * @return strict json_schema when supported, else json_object (then add {@link
   *     #schemaInstructions()} to the instructions)
   */
  public ResponseFormat responseFormat(boolean jsonSchemaSupported) {
    return jsonSchemaSupported
        ? new ResponseFormat.JsonSchemaFormat(name, schema, true, null)
        : ResponseFormat.JSON_OBJECT;
  }

  /**
   * Instructions that ask for JSON following the schema, for models without json_schema support.
   *
   * @return the instructions
   */
  public String schemaInstructions() {
    return "Answer with one JSON object, and nothing else, that follows this JSON schema:\n"
        + schema.json();
  }

  /**
   * Parses and validates an answer.
   *
   * @param text the model's answer text
   * @return the value, or every problem found
   */
  public Parsed<T> parse(String text) {
    requireNonNull(text, "text == null");
    String json = stripFences(text);
    T value;
    try {
      value = reader.read(json);
    } catch (JsonProcessingException e) {
      return new Parsed.Invalid<>(text, List.of(problemOf(e)));
    }
    if (value == null) {
      return new Parsed.Invalid<>(
          text, List.of(new OutputProblem("$", "the answer is null", null)));
    }
    Set<ConstraintViolation<T>> violations = Validation.validator().validate(value);
    if (violations.isEmpty()) {
      return new Parsed.Valid<>(value);
    }
    List<OutputProblem> problems = new ArrayList<>();
    for (ConstraintViolation<T> v : violations) {
      String path = v.getPropertyPath().toString();
      problems.add(
          new OutputProblem(
              path.isEmpty() ? "$" : "$." + path, v.getMessage(), abbreviate(v.getInvalidValue())));
    }
    problems.sort(Comparator.comparing(OutputProblem::path).thenComparing(OutputProblem::message));
    return new Parsed.Invalid<>(text, problems);
  }

  /**
   * The message that asks the model to correct an invalid answer.
   *
   * @param problems what was wrong
   * @return the message text
   */
  public String repairMessage(List<OutputProblem> problems) {
    StringBuilder sb = new StringBuilder("Your answer is not a valid ");
    sb.append(type.getSimpleName()).append(". Problems:\n");
    for (OutputProblem p : problems) {
      sb.append("- ").append(p).append('\n');
    }
    sb.append("Answer again with one JSON object that follows the schema and fixes every problem.");
    return sb.toString();
  }

  private static OutputProblem problemOf(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return new OutputProblem(path(u), "unknown field \"" + u.getPropertyName() + "\"", null);
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return new OutputProblem(path(m), m.getOriginalMessage(), null);
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new OutputProblem("$", "not valid JSON" + where + ": " + e.getOriginalMessage(), null);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    // An unknown property's own name is the last path element; report its parent.
    if (e instanceof UnrecognizedPropertyException && sb.lastIndexOf(".") > 0) {
      return sb.substring(0, sb.lastIndexOf("."));
    }
    return sb.toString();
  }

  private static String stripFences(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int nl = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (nl > 0 && end > nl) {
        return t.substring(nl + 1, end).strip();
      }
    }
    return t;
  }

  private static @Nullable String abbreviate(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    String s = String.valueOf(value);
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String schemaName(Class<?> type) {
    String n = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
    if (n.isEmpty()) {
      n = "answer";
    }
    return n.length() > 64 ? n.substring(0, 64) : n;
  }

  /**
   * The result of parsing an answer.
   *
   * @param <T> the answer type
   */
  public sealed interface Parsed<T> {
    /**
     * A valid answer.
     *
     * @param value the value
     * @param <T> the answer type
     */
    record Valid<T>(T value) implements Parsed<T> {}

    /**
     * An invalid answer.
     *
     * @param raw the answer text, unchanged
     * @param problems everything wrong with it; never empty
     * @param <T> the answer type
     */
    record Invalid<T>(String raw, List<OutputProblem> problems) implements Parsed<T> {
      /** Copies the problems. */
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }
}
