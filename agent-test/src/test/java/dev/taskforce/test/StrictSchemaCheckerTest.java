package dev.taskforce.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.internal.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictSchemaCheckerTest {

  /** The valid strict example of wire doc 7.2: nested, recursive through $defs, nullable. */
  private static final String VALID =
      "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"title\",\"tags\",\"parent\"],"
          + "\"properties\":{\"title\":{\"type\":\"string\",\"pattern\":\"^[A-Z].*$\"},"
          + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]},\"maxItems\":5},"
          + "\"parent\":{\"anyOf\":[{\"$ref\":\"#/$defs/node\"},{\"type\":\"null\"}]}},"
          + "\"$defs\":{\"node\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"id\",\"children\"],"
          + "\"properties\":{\"id\":{\"type\":\"string\",\"format\":\"uuid\"},"
          + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/node\"}}}}}}";

  private static String object(String properties, String required) {
    return "{\"type\":\"object\",\"additionalProperties\":false,\"required\":["
        + required
        + "],\"properties\":{"
        + properties
        + "}}";
  }

  @Test
  void acceptsTheValidExampleOfTheWireDoc() {
    assertThat(StrictSchemaChecker.check(Json.parse(VALID))).isNull();
  }

  @Test
  void acceptsAnEmptyObjectAndTypeArraysWithNull() {
    assertThat(StrictSchemaChecker.check(Json.parse(object("", "")))).isNull();
    assertThat(
            StrictSchemaChecker.check(
                Json.parse(
                    object("\"n\":{\"type\":[\"integer\",\"null\"],\"minimum\":0}", "\"n\""))))
        .isNull();
  }

  static Stream<Arguments> brokenSchemas() {
    // Schemas use ' for " to stay readable.
    return Stream.of(
        Arguments.of(
            "nested items object without additionalProperties",
            "{'type':'object','additionalProperties':false,'required':['tags'],'properties':{'tags':{'type':'array','items':{'type':'object','properties':{}}}}}",
            "In context=('properties', 'tags', 'items'), 'additionalProperties' is required"),
        Arguments.of(
            "a property left out of required",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'type':'string'},'b':{'type':'string'}}}",
            "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'."),
        Arguments.of(
            "a required key that is not a property",
            "{'type':'object','additionalProperties':false,'required':['a','z'],'properties':{'a':{'type':'string'}}}",
            "Extra required key 'z' supplied."),
        Arguments.of(
            "minLength",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'type':'string','minLength':1}}}",
            "In context=('properties', 'a'), 'minLength' is not permitted."),
        Arguments.of(
            "default",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'type':'string','default':'x'}}}",
            "'default' is not permitted."),
        Arguments.of(
            "allOf",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'allOf':[{'type':'string'}]}}}",
            "'allOf' is not permitted."),
        Arguments.of(
            "if/then",
            "{'type':'object','additionalProperties':false,'required':[],'properties':{},'if':{}}",
            "In context=(), 'if' is not permitted."),
        Arguments.of(
            "anyOf at the root",
            "{'anyOf':[{'type':'object','additionalProperties':false,'required':[],'properties':{}}]}",
            "the root schema must have type 'object'"),
        Arguments.of(
            "a root that is not an object",
            "{'type':'array','items':{'type':'string'}}",
            "the root schema must have type 'object'"),
        Arguments.of(
            "an object without properties",
            "{'type':'object','additionalProperties':false}",
            "'properties' is required to be supplied"),
        Arguments.of(
            "additionalProperties true",
            "{'type':'object','additionalProperties':true,'required':[],'properties':{}}",
            "'additionalProperties' is required to be supplied and to be false."),
        Arguments.of(
            "an anyOf branch without additionalProperties",
            "{'type':'object','additionalProperties':false,'required':['p'],'properties':{'p':{'anyOf':[{'type':'object','properties':{}},{'type':'null'}]}}}",
            "In context=('properties', 'p', 'anyOf', '0'), 'additionalProperties'"),
        Arguments.of(
            "a $defs entry without additionalProperties",
            "{'type':'object','additionalProperties':false,'required':[],'properties':{},'$defs':{'node':{'type':'object','properties':{}}}}",
            "In context=('$defs', 'node'), 'additionalProperties'"),
        Arguments.of(
            "$defs below the root",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'type':'string','$defs':{}}}}",
            "'$defs' is not permitted."),
        Arguments.of(
            "a reference that does not resolve",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'$ref':'#/$defs/missing'}}}",
            "does not resolve"),
        Arguments.of(
            "an unsupported format",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'type':'string','format':'uri'}}}",
            "format \"uri\" is not supported"),
        Arguments.of(
            "an unknown type",
            "{'type':'object','additionalProperties':false,'required':['a'],'properties':{'a':{'type':'text'}}}",
            "type \"text\" is not supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSchemas")
  void rejectsWhatOpenAiRejectsNamingThePath(String rule, String schema, String expected) {
    assertThat(StrictSchemaChecker.check(Json.parse(schema.replace('\'', '"'))))
        .as(rule)
        .isNotNull()
        .contains(expected);
  }

  private static String nested(int levels) {
    String s = object("", "");
    for (int i = 1; i < levels; i++) {
      s = object("\"x\":" + s, "\"x\"");
    }
    return s;
  }

  @Test
  void allowsTenLevelsOfObjectNestingButNotEleven() {
    assertThat(StrictSchemaChecker.check(Json.parse(nested(10)))).isNull();
    assertThat(StrictSchemaChecker.check(Json.parse(nested(11))))
        .contains("nested more than 10 levels");
  }

  @Test
  void limitsTheNumberOfEnumValues() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i <= StrictSchemaChecker.MAX_ENUM_VALUES; i++) {
      values.append(i == 0 ? "" : ",").append(i);
    }
    String schema = object("\"n\":{\"type\":\"integer\",\"enum\":[" + values + "]}", "\"n\"");
    assertThat(StrictSchemaChecker.check(Json.parse(schema))).contains("1001 enum values");
  }
}
