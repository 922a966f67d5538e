package dev.taskforce.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.MathContext;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorToolTest {

  private final CalculatorTool calc = CalculatorTool.create();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '=',
      value = {
        "1 + 2 * 3 = 7",
        "(1 + 2) * 3 = 9",
        "10 - 4 - 3 = 3",
        "100 / 10 / 5 = 2",
        "2 * 3 % 4 = 2",
        "2 ^ 3 ^ 2 = 512",
        "(2 ^ 3) ^ 2 = 64",
        "2 ** 10 = 1024",
        "-2 ^ 2 = -4",
        "(-2) ^ 2 = 4",
        "2 ^ -2 = 0.25",
        "- - 3 = 3",
        "+5 = 5",
        "3 * -2 = -6",
        "1 - -1 = 2",
        "2 * 3 ^ 2 = 18",
        "0 ^ 0 = 1",
      })
  void respectsPrecedenceAndAssociativity(String expression, String expected) {
    assertThat(calc.calculate(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '=',
      value = {
        "0.1 + 0.2 = 0.3",
        "1.1 * 1.1 = 1.21",
        "1 / 8 = 0.125",
        "1 / 3 = 0.3333333333333333333333333333333333",
        "2 / 3 = 0.6666666666666666666666666666666667",
        "12345678901234567890123456789012345678901 / 10 = 1234567890123456789012345678901234567890.1",
        "99999999999999999999 * 99999999999999999999 = 9999999999999999999800000000000000000001",
        "1.50 + 1.50 = 3",
        "1.5e3 = 1500",
        "2.5E-2 = 0.025",
        ".5 * 4 = 2",
        "-7 % 3 = -1",
        "7.5 % 2 = 1.5",
        "0.1 ^ 3 = 0.001",
      })
  void computesExactlyInDecimal(String expression, String expected) {
    assertThat(calc.calculate(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '=',
      value = {
        "sqrt(16) = 4",
        "sqrt(2) = 1.414213562373095048801688724209698",
        "abs(-3.5) = 3.5",
        "min(3, 1, 2) = 1",
        "max(3, -1, 2 * 4) = 8",
        "round(2.5) = 3",
        "round(-2.5) = -3",
        "round(3.14159, 2) = 3.14",
        "round(1234, -2) = 1200",
        "sqrt(abs(-9)) + 1 = 4",
      })
  void evaluatesFunctions(String expression, String expected) {
    assertThat(calc.calculate(expression)).isEqualTo(expected);
  }

  @Test
  void ignoresWhitespaceAnywhereBetweenTokens() {
    assertThat(calc.calculate("\t( 1+2 )\n*  max( 1 ,2 ) ")).isEqualTo("6");
  }

  @Test
  void reportsDivisionByZeroAtTheOperator() {
    assertFails("1 + 4 / (2 - 2)", "division by zero at position 7", 7);
    assertFails("5 % 0", "division by zero at position 3", 3);
    assertFails("0 ^ -1", "division by zero (0 to a negative power) at position 3", 3);
  }

  @Test
  void reportsMalformedInputWithItsPosition() {
    assertFails("1 +", "unexpected end of expression at position 4", 4);
    assertFails("1 + * 2", "unexpected '*' at position 5", 5);
    assertFails("(1 + 2", "expected ')' to close the '(' at position 1", 7);
    assertFails("1 + 2)", "unexpected ')' at position 6", 6);
    assertFails("2 3", "unexpected '3' at position 3", 3);
    assertFails("2(3)", "unexpected '(' at position 2", 2);
    assertFails("1e+", "digits of the exponent", 4);
    assertFails("1 . 2", "unexpected '.' at position 3", 3);
    assertFails("1 , 2", "unexpected ',' at position 3", 3);
    assertFails("1 & 2", "unexpected '&' at position 3", 3);
    assertFails("  ", "expression is empty", 0);
  }

  @Test
  void namesUnknownFunctionsAndTheOnesItKnows() {
    assertFails(
        "2 * foo(3)",
        "unknown function \"foo\" at position 5; only numbers, operators and the functions abs,"
            + " max, min, round, sqrt are supported",
        5);
    assertFails("pi * 2", "unknown name \"pi\" at position 1", 1);
    assertFails("sqrt 4", "expected '(' after sqrt", 6);
  }

  @Test
  void checksTheNumberOfFunctionArguments() {
    assertFails("sqrt(1, 2)", "sqrt takes 1 argument, got 2 at position 1", 1);
    assertFails("max()", "max takes at least 1 argument, got 0 at position 1", 1);
    assertFails("round(1, 2, 3)", "round takes 1 or 2 arguments, got 3 at position 1", 1);
  }

  @Test
  void refusesSquareRootsOfNegativeNumbers() {
    assertFails("1 + sqrt(-4)", "square root of a negative number at position 5", 5);
  }

  @Test
  void refusesFractionalExponents() {
    assertFails("4 ^ 0.5", "exponent must be a whole number at position 5, was 0.5", 5);
    assertThat(calc.calculate("4 ^ 2.0")).isEqualTo("16");
  }

  @Test
  void refusesHugeExponentsBeforeComputing() {
    assertFails("2 ^ 1001", "exponent 1001 is too large at position 5; the limit is 1000", 5);
    assertFails("2 ^ -100000000", "exponent -100000000 is too large at position 5", 5);
    assertFails("2 ^ 1e20", "exponent is too large at position 5", 5);
    assertFails("(10 ^ 999) ^ 2", "result of ^ would need more than 1000 digits", 12);
    assertFails("9.99 ^ 1000", "result of ^ would need more than 1000 digits", 6);
  }

  @Test
  void refusesResultsWithMoreDigitsThanTheLimit() {
    CalculatorTool small = CalculatorTool.builder().maxDigits(40).build();
    assertThat(small.calculate("10 ^ 39")).hasSize(40);
    assertThatThrownBy(() -> small.calculate("10 ^ 39 * 10"))
        .isInstanceOf(CalculationException.class)
        .hasMessage("result is too large at position 9: more than 40 digits");
    assertThatThrownBy(() -> small.calculate("1e41"))
        .hasMessage("result is too large at position 1: more than 40 digits");
    assertThatThrownBy(() -> small.calculate("0.1 ^ 20 * 0.1 ^ 21"))
        .hasMessage(
            "result is too small at position 10: more than 40 digits after the decimal" + " point");
    assertThat(small.calculate("1.000000000000000000000000000000000000000000000000"))
        .isEqualTo("1");
  }

  @Test
  void refusesExpressionsLongerThanTheLimit() {
    CalculatorTool tool = CalculatorTool.builder().maxLength(10).build();
    assertThat(tool.calculate("1+2+3+4+50")).isEqualTo("60");
    assertThatThrownBy(() -> tool.calculate("1+2+3+4+5+6"))
        .isInstanceOf(CalculationException.class)
        .hasMessage("expression is 11 characters long; the limit is 10 characters");
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String deep = "(".repeat(49_000) + "1" + ")".repeat(49_000);
    CalculatorTool tool = CalculatorTool.builder().maxLength(100_000).build();
    assertThatThrownBy(() -> tool.calculate(deep))
        .isInstanceOf(CalculationException.class)
        .hasMessage("expression nests more than 64 levels deep at position 65");
    assertThatThrownBy(() -> tool.calculate("-".repeat(99_000) + "1"))
        .hasMessageStartingWith("expression nests more than 64 levels deep");
    assertThatThrownBy(() -> tool.calculate("1" + "^1".repeat(49_000)))
        .hasMessageStartingWith("expression nests more than 64 levels deep");
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    CalculatorTool tool = CalculatorTool.builder().maxDepth(5).build();
    assertThat(tool.calculate("((((1))))")).isEqualTo("1");
    assertThatThrownBy(() -> tool.calculate("(((((1)))))"))
        .hasMessageStartingWith("expression nests more than 5 levels deep");
  }

  @Test
  void roundsInexactResultsToTheConfiguredMathContext() {
    CalculatorTool tool = CalculatorTool.builder().mathContext(MathContext.DECIMAL32).build();
    assertThat(tool.calculate("1 / 3")).isEqualTo("0.3333333");
    assertThat(tool.calculate("2 ^ -3")).isEqualTo("0.125");
    assertThat(tool.calculate("sqrt(2)")).isEqualTo("1.414214");
  }

  @Test
  void showsControlCharactersEscapedInErrors() {
    assertFails("1 \u0007 2", "unexpected '\\u0007' at position 3", 3);
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalculatorTool.builder().maxDepth(1000))
        .withMessage("maxDepth must be between 1 and 256, was 1000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalculatorTool.builder().mathContext(MathContext.UNLIMITED))
        .withMessageContaining("precision of at least 1");
    assertThatIllegalStateException()
        .isThrownBy(() -> CalculatorTool.builder().maxDigits(10).build())
        .withMessage("mathContext precision 34 exceeds maxDigits 10");
  }

  private AbstractThrowableAssert<?, ?> assertFails(
      String expression, String message, int position) {
    return assertThatThrownBy(() -> calc.calculate(expression))
        .isInstanceOfSatisfying(
            CalculationException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessageContaining(message);
  }
}
