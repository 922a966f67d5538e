package dev.taskforce.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.taskforce.schema.SchemaTypes.Line;
import dev.taskforce.schema.SchemaTypes.Wallet;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Maps written as strict schemas describe them are read back into maps. */
class MapEntriesTest {

  @Test
  void readsEntryArraysIntoMapsWithTypedValues() throws Exception {
    Wallet w =
        JsonSchemas.reader(Wallet.class)
            .readValue(
                """
                {"balances":[{"key":"EUR","value":2.50},{"key":"USD","value":1}],
                 "lines":[{"key":"a","value":{"sku":"X-1","quantity":3}}]}""");
    assertThat(w.balances())
        .containsExactly(
            Map.entry("EUR", new BigDecimal("2.50")), Map.entry("USD", new BigDecimal("1")));
    assertThat(w.lines()).contains(Map.of("a", new Line("X-1", 3)));
  }

  @Test
  void stillReadsMapsWrittenAsObjectsAndNullForOptionalMaps() throws Exception {
    Wallet w =
        JsonSchemas.reader(Wallet.class).readValue("{\"balances\":{\"EUR\":2},\"lines\":null}");
    assertThat(w.balances()).containsEntry("EUR", new BigDecimal("2"));
    assertThat(w.lines()).isEqualTo(Optional.empty());
  }

  @Test
  void rejectsMalformedAndDuplicateEntries() {
    assertThatThrownBy(
            () ->
                JsonSchemas.reader(Wallet.class)
                    .readValue("{\"balances\":[{\"k\":\"EUR\",\"value\":1}],\"lines\":null}"))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining(
            "each map entry must be an object with exactly \"key\" and \"value\"");
    assertThatThrownBy(
            () ->
                JsonSchemas.reader(Wallet.class)
                    .readValue(
                        "{\"balances\":[{\"key\":\"EUR\",\"value\":1},{\"key\":\"EUR\",\"value\":2}],"
                            + "\"lines\":null}"))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("map key \"EUR\" appears twice");
  }

  @Test
  void unknownPropertiesAreStillErrors() {
    assertThatThrownBy(
            () ->
                JsonSchemas.reader(Line.class)
                    .readValue("{\"sku\":\"a\",\"quantity\":1,\"colour\":\"red\"}"))
        .hasMessageContaining("colour");
  }
}
