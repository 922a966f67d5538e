package dev.taskforce.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.taskforce.internal.Json;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Registration: specs and schemas of @Tool methods, and fail-fast checks. */
class ToolsTest {

  @Test
  void eachPublicToolMethodBecomesAStrictToolSortedByName() {
    List<ToolHandler> tools = Tools.from(new Shop());
    assertThat(tools)
        .extracting(t -> t.spec().name())
        .containsExactly("broken", "echo", "order", "ping", "slow", "stock", "whoami");
    assertThat(tools).allSatisfy(t -> assertThat(t.spec().strict()).isTrue());
    assertThat(tools)
        .allSatisfy(t -> assertThat(JsonSchemas.checkStrict(t.spec().parameters())).isEmpty());
  }

  @Test
  void theSchemaHasTheParamsWithDescriptionsConstraintsAndNullableOptionalsButNoInjectedValues() {
    ToolSpec spec = spec("order");
    assertThat(spec.description()).isEqualTo("Places an order for a customer");
    assertThat(spec.parameters().node())
        .isEqualTo(
            Json.parse(
                """
                {"type":"object","properties":{
                  "customer":{"type":"string","description":"Customer id, e.g. C-17",
                    "pattern":"C-\\\\d+"},
                  "lines":{"type":"array","description":"The order lines","minItems":1,
                    "items":{"type":"object","properties":{"sku":{"type":"string"},
                      "quantity":{"type":"integer","minimum":1}},
                      "required":["sku","quantity"],"additionalProperties":false}},
                  "note":{"type":["string","null"],"description":"Note for the courier"},
                  "by":{"type":["string","null"],"format":"date",
                    "description":"Latest delivery day"}},
                 "required":["customer","lines","note","by"],"additionalProperties":false}"""));
  }

  @Test
  void aMethodWithoutParametersTakesAnEmptyObject() {
    assertThat(spec("ping").parameters().node())
        .isEqualTo(
            Json.parse(
                "{\"type\":\"object\",\"properties\":{},\"required\":[],"
                    + "\"additionalProperties\":false}"));
  }

  @Test
  void timeoutsComeFromTheAnnotation() {
    Map<String, Optional<Duration>> timeouts =
        Tools.from(new Shop()).stream()
            .collect(java.util.stream.Collectors.toMap(t -> t.spec().name(), ToolHandler::timeout));
    assertThat(timeouts.get("slow")).contains(Duration.ofMillis(5));
    assertThat(timeouts.get("echo")).isEmpty();
  }

  public static final class OtherEcho {
    @Tool(name = "echo", value = "Another echo")
    public String again(@Param("t") String t) {
      return t;
    }
  }

  @Test
  void duplicateNamesAcrossObjectsAreRejectedNamingBothMethods() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Tools.from(new Shop(), new OtherEcho()))
        .withMessageContaining("tool name \"echo\" is also used by dev.taskforce.tools.Shop.echo")
        .withMessageContaining("for method dev.taskforce.tools.ToolsTest$OtherEcho.again");
  }

  public static final class Overloads {
    @Tool("One")
    public String find(@Param("a") String a) {
      return a;
    }

    @Tool("Two")
    public String find(@Param("a") String a, @Param("b") String b) {
      return a + b;
    }
  }

  @Test
  void overloadsWithTheSameToolNameAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Tools.from(new Overloads()))
        .withMessageContaining("tool name \"find\" is also used by Overloads.find");
  }

  public static final class BadName {
    @Tool(name = "look up", value = "Bad")
    public String lookUp() {
      return "";
    }
  }

  public static final class Hidden {
    @Tool("Not public")
    String secret() {
      return "";
    }
  }

  public static final class Generic {
    @Tool("Generic")
    public <T> String any(@Param("x") T x) {
      return "";
    }
  }

  public static final class Untyped {
    @Tool("Object")
    public String any(@Param("x") Object x) {
      return "";
    }
  }

  public record Loose(Object anything) {}

  public static final class LooseRecord {
    @Tool("Loose")
    public String take(@Param("x") Loose x) {
      return "";
    }
  }

  public static final class Unannotated {
    @Tool("Forgot @Param")
    public String greet(String name) {
      return name;
    }
  }

  public static final class OptionalPrimitive {
    @Tool("Primitive optional")
    public String page(@Param(value = "page", optional = true) int page) {
      return "";
    }
  }

  public static final class Async {
    @Tool("Async")
    public CompletableFuture<String> later() {
      return CompletableFuture.completedFuture("");
    }
  }

  public static final class StaticConstrained {
    @Tool("Looks an order up")
    public static String find(@Param("Order id") @jakarta.validation.constraints.Email String id) {
      return id;
    }
  }

  public static final class StaticElementConstrained {
    @Tool("Tags")
    public static int count(
        @Param("Tags") List<@jakarta.validation.constraints.NotBlank String> tags) {
      return tags.size();
    }
  }

  public static final class StaticPlain {
    @Tool("Doubles")
    public static int twice(@Param("A number") int n) {
      return 2 * n;
    }
  }

  @Test
  void staticToolMethodsWithParameterConstraintsAreRejectedBecauseNothingWouldCheckThem() {
    assertRejected(
        new StaticConstrained(),
        "parameter id of a static @Tool method has Jakarta constraints",
        "StaticConstrained.find");
    assertRejected(
        new StaticElementConstrained(),
        "parameter tags of a static @Tool method has Jakarta constraints",
        "StaticElementConstrained.count");
    assertThat(Tools.from(new StaticPlain())).hasSize(1);
  }

  @Test
  void badToolMethodsFailFastNamingClassAndMethod() {
    assertRejected(new BadName(), "tool name \"look up\" must match", "BadName.lookUp");
    assertRejected(new Hidden(), "@Tool method must be public", "Hidden.secret");
    assertRejected(new Generic(), "has type T, which has no JSON schema", "Generic.any");
    assertRejected(new Untyped(), "has type Object, which has no strict schema", "Untyped.any");
    assertRejected(
        new LooseRecord(),
        "/properties/x/properties/anything: the schema has no type",
        "LooseRecord.take");
    assertRejected(new Unannotated(), "parameter name has no @Param", "Unannotated.greet");
    assertRejected(new OptionalPrimitive(), "optional but primitive; use Integer", "page");
    assertRejected(new Async(), "return the value, not a future", "Async.later");
  }

  @Test
  void anObjectWithoutToolsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Tools.from(new Object()))
        .withMessage("java.lang.Object has no public @Tool methods");
  }

  private static void assertRejected(Object target, String problem, String method) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Tools.from(target))
        .withMessageContaining(problem)
        .withMessageContaining(method);
  }

  static ToolSpec spec(String name) {
    return Tools.from(new Shop()).stream()
        .map(ToolHandler::spec)
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
