package dev.taskforce.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Java types covering each family the schema generator handles. */
final class SchemaTypes {
  private SchemaTypes() {}

  record Scalars(
      int count,
      Integer boxed,
      long big,
      double ratio,
      Float single,
      boolean flag,
      Boolean boxedFlag,
      String text,
      char letter,
      BigDecimal price,
      UUID id) {}

  enum Colour {
    RED,
    @JsonProperty("light-green")
    LIGHT_GREEN
  }

  record Collections(
      List<String> tags, Set<Colour> colours, int[] scores, List<List<Integer>> grid) {}

  record Times(
      Instant at,
      OffsetDateTime offset,
      LocalDate day,
      LocalDateTime local,
      LocalTime clock,
      Duration span) {}

  record Optionals(Optional<String> note, @Nullable Integer limit, Optional<Colour> colour) {}

  record Annotated(
      @JsonProperty("full_name") @JsonPropertyDescription("The person's full name") String name,
      @JsonIgnore String secret,
      int age) {}

  record Constrained(
      @NotNull @Size(min = 2, max = 20) String name,
      @Min(1) @Max(10) int quantity,
      @DecimalMin("0.01") @DecimalMax(value = "1000", inclusive = false) BigDecimal price,
      @Pattern(regexp = "^[A-Z]{3}$") String currency,
      @Email String email,
      @Positive long id,
      @NotBlank String comment,
      @NotEmpty @Size(max = 5) List<String> tags) {}

  static class Animal {
    public String name;
  }

  static class Dog extends Animal {
    public boolean goodBoy;
  }

  record Line(String sku, int quantity) {}

  record Order(Line first, List<Line> lines, Line last) {}

  record TreeNode(String label, List<TreeNode> children) {}

  record Wallet(Map<String, BigDecimal> balances, Optional<Map<String, Line>> lines) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Circle.class, name = "circle"),
    @JsonSubTypes.Type(value = Square.class, name = "square")
  })
  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(Shape main, List<Shape> others) {}

  sealed interface Bare permits BareA, BareB {}

  record BareA(int a) implements Bare {}

  record BareB(int b) implements Bare {}

  record HasBare(Bare bare) {}

  record HasObject(Object anything) {}
}
