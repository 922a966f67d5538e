package dev.taskforce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.internal.Json;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.schema.SchemaProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The snippets and schemas of docs/json-schema.md. */
class JsonSchemaDocTest {

  private static final String DOC = "docs/json-schema.md";

  // snippet:forecast
  record Forecast(String city, @Min(-90) @Max(60) int celsius, Optional<String> note) {}
  // end:forecast

  // snippet:stock
  record Stock(Map<String, Integer> units) {}
  // end:stock

  @Test
  void theFormsReadAndCheckAsTheDocSays() throws Exception {
    // snippet:forms
    JsonSchema normal = JsonSchemas.of(Forecast.class);        // note is not required
    JsonSchema strict = JsonSchemas.strictOf(Forecast.class);  // every property required, note nullable
    List<SchemaProblem> problems = JsonSchemas.checkStrict(strict);   // empty
    Forecast f = JsonSchemas.reader(Forecast.class)
        .readValue("{\"city\":\"Oslo\",\"celsius\":3,\"note\":null}");
    // end:forms

    assertThat(normal.node()).isEqualTo(Json.parse(Markdown.output(DOC, "forecast-normal")));
    assertThat(strict.node()).isEqualTo(Json.parse(Markdown.output(DOC, "forecast-strict")));
    assertThat(problems).isEmpty();
    assertThat(f).isEqualTo(new Forecast("Oslo", 3, Optional.empty()));
  }

  @Test
  void mapsAreEntryListsWhenStrictAndReadBack() throws Exception {
    assertThat(JsonSchemas.of(Stock.class).node())
        .isEqualTo(Json.parse(Markdown.output(DOC, "stock-normal")));
    assertThat(JsonSchemas.strictOf(Stock.class).node())
        .isEqualTo(Json.parse(Markdown.output(DOC, "stock-strict")));
    // snippet:readEntries
    Stock s = JsonSchemas.reader(Stock.class)
        .readValue("{\"units\":[{\"key\":\"north\",\"value\":3},{\"key\":\"south\",\"value\":4}]}");
    // s.units() is {north=3, south=4}; {"units":{"north":3,"south":4}} reads the same
    // end:readEntries
    assertThat(s.units()).isEqualTo(Map.of("north", 3, "south", 4));
    assertThat(
            JsonSchemas.reader(Stock.class)
                .<Stock>readValue("{\"units\":{\"north\":3,\"south\":4}}"))
        .isEqualTo(s);
  }

  @Test
  void theCheckerReportsEveryProblemWithItsPath() {
    JsonSchema handWritten = JsonSchema.fromJson(Markdown.output(DOC, "hand-written"));
    String report =
        JsonSchemas.checkStrict(handWritten).stream()
            .map(SchemaProblem::toString)
            .collect(Collectors.joining("\n"));
    assertThat(report).isEqualTo(Markdown.output(DOC, "hand-written-problems"));
  }
}
