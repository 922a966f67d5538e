package dev.taskforce.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each strict-mode rule, broken once, is reported at the path where it is broken. */
class StrictCheckerTest {

  private static List<SchemaProblem> check(String json) {
    return JsonSchemas.checkStrict(JsonSchema.fromJson(json.replace('\'', '"')));
  }

  private static final String OK_OBJECT =
      "{'type':'object','properties':{},'required':[],'additionalProperties':false}";

  @Test
  void acceptsTheValidExampleOfTheWireDocument() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['title','tags','parent'],
                 'properties':{'title':{'type':'string','pattern':'^[A-Z].*$'},
                   'tags':{'type':'array','items':{'type':'string','enum':['a','b']},'maxItems':5},
                   'parent':{'anyOf':[{'$ref':'#/$defs/node'},{'type':'null'}]}},
                 '$defs':{'node':{'type':'object','additionalProperties':false,
                   'required':['id','children'],
                   'properties':{'id':{'type':'string','format':'uuid'},
                     'children':{'type':'array','items':{'$ref':'#/$defs/node'}}}}}}"""))
        .isEmpty();
  }

  @Test
  void theRootMustBeAnObjectAndNotAUnion() {
    assertThat(check("{'type':'string'}"))
        .containsExactly(
            new SchemaProblem(
                "", "the root must have \"type\": \"object\" (not nullable, not a $ref)"));
    assertThat(check("{'anyOf':[" + OK_OBJECT + "," + OK_OBJECT + "]}"))
        .extracting(SchemaProblem::path, SchemaProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "", "the root must not be anyOf; wrap the union in an object property"));
  }

  @Test
  void nestedObjectsInItemsNeedAdditionalPropertiesFalse() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['items'],'properties':{
                  'items':{'type':'array','items':{'type':'object','required':['price'],
                    'properties':{'price':{'type':'number'}}}}}}"""))
        .containsExactly(
            new SchemaProblem(
                "/properties/items/items", "an object must have \"additionalProperties\": false"));
  }

  @Test
  void aPropertyLeftOutOfRequiredIsNamed() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['a'],'properties':{
                  'a':{'type':'string'},'b':{'type':'string'}}}"""))
        .containsExactly(
            new SchemaProblem(
                "/properties/b",
                "the property is not in required (make it nullable to make it optional)"));
  }

  @Test
  void requiredNamesThatAreNotPropertiesAreReported() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':['ghost'],"
                    + "'properties':{}}"))
        .containsExactly(
            new SchemaProblem("/required", "\"ghost\" is required but not a property"));
  }

  @Test
  void unsupportedKeywordsAreReportedWhereTheyAre() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['items'],'properties':{
                  'items':{'type':'array','uniqueItems':true,'items':{'type':'object',
                    'additionalProperties':false,'required':['price'],'properties':{
                      'price':{'type':'number','default':1}}}}}}"""))
        .containsExactly(
            new SchemaProblem(
                "/properties/items",
                "keyword \"uniqueItems\" is not supported in strict mode (enforce it locally)"),
            new SchemaProblem(
                "/properties/items/items/properties/price",
                "keyword \"default\" is not supported in strict mode (enforce it locally)"));
  }

  @Test
  void compositionAndConditionalKeywordsAreRejected() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':['a'],"
                    + "'properties':{'a':{'type':'string','allOf':[{'type':'string'}],"
                    + "'not':{'type':'null'},'if':{'type':'string'}}}}"))
        .extracting(SchemaProblem::message)
        .containsExactly(
            "keyword \"allOf\" is not supported in strict mode",
            "keyword \"not\" is not supported in strict mode",
            "keyword \"if\" is not supported in strict mode");
  }

  @Test
  void stringMinLengthIsNotSupported() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':['a'],"
                    + "'properties':{'a':{'type':'string','minLength':1}}}"))
        .extracting(SchemaProblem::path)
        .containsExactly("/properties/a");
  }

  @Test
  void unknownFormatsAreReported() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':['a'],"
                    + "'properties':{'a':{'type':'string','format':'uri'}}}"))
        .extracting(SchemaProblem::path)
        .containsExactly("/properties/a/format");
  }

  @Test
  void objectsWithoutPropertiesAndArraysWithoutItemsAreReported() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['o','l'],'properties':{
                  'o':{'type':'object','additionalProperties':false},'l':{'type':'array'}}}"""))
        .containsExactly(
            new SchemaProblem("/properties/o", "an object must have properties (use {} for none)"),
            new SchemaProblem("/properties/l", "an array must have items"));
  }

  @Test
  void schemasWithoutATypeAreReported() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':['x'],"
                    + "'properties':{'x':{'description':'anything'}}}"))
        .containsExactly(
            new SchemaProblem(
                "/properties/x",
                "the schema has no type (strict mode does not allow \"any value\")"));
  }

  @Test
  void mapsAreReportedWithTheFix() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':['m'],'properties':{"
                    + "'m':{'type':'object','properties':{},'required':[],"
                    + "'additionalProperties':{'type':'string'}}}}"))
        .extracting(SchemaProblem::path, SchemaProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/properties/m",
                "an object must have \"additionalProperties\": false (a map cannot be strict; use"
                    + " a list of key/value entries)"));
  }

  @Test
  void referencesMustPointAtTheRootOrARootDefinition() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['a','b'],'properties':{
                  'a':{'$ref':'#/$defs/missing'},'b':{'$ref':'#','minimum':1}}}"""))
        .containsExactly(
            new SchemaProblem(
                "/properties/a/$ref",
                "\"#/$defs/missing\" does not name the root (#) or a root definition"),
            new SchemaProblem(
                "/properties/b",
                "$ref may only be combined with description and title, not minimum"));
  }

  @Test
  void definitionsAreOnlyAllowedAtTheRootAndAreCheckedThemselves() {
    assertThat(
            check(
                """
                {'type':'object','additionalProperties':false,'required':['a'],'properties':{
                  'a':{'type':'object','additionalProperties':false,'required':[],'properties':{},
                       '$defs':{}}},
                 '$defs':{'x':{'type':'object','properties':{},'required':[]}}}"""))
        .containsExactly(
            new SchemaProblem("/properties/a", "$defs is only allowed at the root"),
            new SchemaProblem("/$defs/x", "an object must have \"additionalProperties\": false"));
  }

  @Test
  void nestingDeeperThanTenLevelsIsReported() {
    ObjectNode root = object();
    ObjectNode current = root;
    for (int level = 2; level <= 11; level++) {
      ObjectNode child = object();
      ((ObjectNode) current.get("properties")).set("n", child);
      ((ArrayNode) current.get("required")).add("n");
      current = child;
    }
    assertThat(JsonSchemas.checkStrict(JsonSchema.fromTree(root)))
        .containsExactly(
            new SchemaProblem("/properties/n".repeat(10), "objects nest more than 10 levels deep"));
  }

  @Test
  void tooManyPropertiesAndEnumValuesAreReported() {
    ObjectNode root = object();
    ObjectNode props = (ObjectNode) root.get("properties");
    ArrayNode required = (ArrayNode) root.get("required");
    for (int i = 0; i < 5001; i++) {
      props.putObject("p" + i).put("type", "boolean");
      required.add("p" + i);
    }
    ArrayNode values = props.putObject("e").put("type", "string").putArray("enum");
    required.add("e");
    for (int i = 0; i < 1001; i++) {
      values.add("v" + i);
    }
    assertThat(JsonSchemas.checkStrict(JsonSchema.fromTree(root)))
        .extracting(SchemaProblem::message)
        .containsExactly(
            "too many properties: 5002 (the limit is 5000)",
            "too many enum values: 1001 (the limit is 1000)");
  }

  @Test
  void largeStringEnumsAndLongNamesAreLimited() {
    ObjectNode root = object();
    ArrayNode values =
        ((ObjectNode) root.get("properties")).putObject("e").put("type", "string").putArray("enum");
    ((ArrayNode) root.get("required")).add("e");
    for (int i = 0; i < 300; i++) {
      values.add(String.format("%060d", i));
    }
    for (String letter : List.of("x", "y", "z")) {
      // Jackson reads names of at most 50,000 characters; three long ones pass the total.
      ((ObjectNode) root.get("properties")).putObject(letter.repeat(40_000)).put("type", "string");
      ((ArrayNode) root.get("required")).add(letter.repeat(40_000));
    }
    assertThat(JsonSchemas.checkStrict(JsonSchema.fromTree(root)))
        .extracting(SchemaProblem::path, SchemaProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/properties/e/enum",
                "an enum of more than 250 values may total at most 15000 characters, this one has"
                    + " 18000"),
            org.assertj.core.groups.Tuple.tuple(
                "",
                "property names, definition names, enum and const values total 138001 characters"
                    + " (the limit is 120000)"));
  }

  @Test
  void pathsEscapeSlashesAndTildesInNames() {
    assertThat(
            check(
                "{'type':'object','additionalProperties':false,'required':[],"
                    + "'properties':{'a/b~c':{'type':'string'}}}"))
        .extracting(SchemaProblem::path)
        .containsExactly("/properties/a~1b~0c");
  }

  private static ObjectNode object() {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", "object");
    o.putObject("properties");
    o.putArray("required");
    o.put("additionalProperties", false);
    return o;
  }
}
