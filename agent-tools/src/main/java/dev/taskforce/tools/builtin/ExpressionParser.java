package dev.taskforce.tools.builtin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and evaluates one arithmetic expression by recursive descent, computing as it parses.
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/' | '%') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := primary (('^' | '**') unary)?          right-associative: 2^3^2 = 2^9
 * primary    := number | '(' expression ')' | name '(' expression (',' expression)* ')'
 * number     := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]   (or '.' digits)
 * </pre>
 *
 * <p>Unary minus binds looser than {@code ^}, as in mathematics: {@code -2^2 = -4}. The depth of
 * recursion is counted and bounded, so no input can overflow the stack. Not thread-safe: one
 * instance per evaluation.
 */
final class ExpressionParser {

  private final String input;
  private final DecimalArithmetic math;
  private final int maxDepth;
  private int index;
  private int depth;

  private ExpressionParser(String input, DecimalArithmetic math, int maxDepth) {
    this.input = input;
    this.math = math;
    this.maxDepth = maxDepth;
  }

  /**
   * Evaluates a whole expression.
   *
   * @throws CalculationException if it is malformed, nests too deeply or cannot be computed
   */
  static BigDecimal evaluate(String input, DecimalArithmetic math, int maxDepth) {
    ExpressionParser parser = new ExpressionParser(input, math, maxDepth);
    parser.skipSpaces();
    if (parser.atEnd()) {
      throw new CalculationException("expression is empty", 0);
    }
    BigDecimal value = parser.expression();
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw parser.unexpected("an operator or the end of the expression");
    }
    return value;
  }

  private BigDecimal expression() {
    enter();
    BigDecimal value = term();
    while (true) {
      skipSpaces();
      int at = position();
      if (accept('+')) {
        value = math.add(value, term(), at);
      } else if (accept('-')) {
        value = math.subtract(value, term(), at);
      } else {
        leave();
        return value;
      }
    }
  }

  private BigDecimal term() {
    BigDecimal value = unary();
    while (true) {
      skipSpaces();
      int at = position();
      if (accept('*')) {
        value = math.multiply(value, unary(), at);
      } else if (accept('/')) {
        value = math.divide(value, unary(), at);
      } else if (accept('%')) {
        value = math.remainder(value, unary(), at);
      } else {
        return value;
      }
    }
  }

  private BigDecimal unary() {
    skipSpaces();
    int at = position();
    if (accept('-')) {
      enter();
      BigDecimal operand = unary();
      leave();
      return math.negate(operand, at);
    }
    if (accept('+')) {
      enter();
      BigDecimal operand = unary();
      leave();
      return operand;
    }
    return power();
  }

  private BigDecimal power() {
    BigDecimal base = primary();
    skipSpaces();
    int at = position();
    if (accept('^') || acceptPair('*', '*')) {
      enter();
      int exponentAt = peekPosition();
      BigDecimal exponent = unary();
      leave();
      return math.power(base, exponent, at, exponentAt);
    }
    return base;
  }

  private BigDecimal primary() {
    skipSpaces();
    if (atEnd()) {
      throw unexpected("a number, '(' or a function");
    }
    char c = input.charAt(index);
    if (isDigit(c) || c == '.') {
      return number();
    }
    int at = position();
    if (accept('(')) {
      BigDecimal value = expression();
      expect(')', "')' to close the '(' at position " + at);
      return value;
    }
    if (isNameStart(c)) {
      return function();
    }
    throw unexpected("a number, '(' or a function");
  }

  private BigDecimal number() {
    int start = index;
    int at = position();
    skipDigits();
    if (!atEnd() && input.charAt(index) == '.') {
      index++;
      skipDigits();
    }
    if (index - start == 1 && input.charAt(start) == '.') {
      index = start;
      throw unexpected("a number");
    }
    if (!atEnd() && (input.charAt(index) == 'e' || input.charAt(index) == 'E')) {
      index++;
      if (!atEnd() && (input.charAt(index) == '+' || input.charAt(index) == '-')) {
        index++;
      }
      if (atEnd() || !isDigit(input.charAt(index))) {
        throw unexpected("the digits of the exponent of the number at position " + at);
      }
      skipDigits();
    }
    return math.literal(input.substring(start, index), at);
  }

  private BigDecimal function() {
    int start = index;
    int at = position();
    while (!atEnd() && isNamePart(input.charAt(index))) {
      index++;
    }
    String name = input.substring(start, index);
    skipSpaces();
    if (!DecimalArithmetic.FUNCTIONS.contains(name)) {
      String known = String.join(", ", DecimalArithmetic.FUNCTIONS);
      throw new CalculationException(
          (atEnd() || input.charAt(index) != '(' ? "unknown name \"" : "unknown function \"")
              + shorten(name)
              + "\" at position "
              + at
              + "; only numbers, operators and the functions "
              + known
              + " are supported",
          at);
    }
    expect('(', "'(' after " + name);
    List<BigDecimal> arguments = new ArrayList<>();
    skipSpaces();
    if (!accept(')')) {
      do {
        arguments.add(expression());
        skipSpaces();
      } while (accept(','));
      expect(')', "',' or ')' in the arguments of " + name + " at position " + at);
    }
    return math.function(name, arguments, at);
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw new CalculationException(
          "expression nests more than " + maxDepth + " levels deep at position " + position(),
          position());
    }
  }

  private void leave() {
    depth--;
  }

  private boolean accept(char c) {
    if (!atEnd() && input.charAt(index) == c) {
      // "**" is the power operator, never two multiplications.
      if (c == '*' && index + 1 < input.length() && input.charAt(index + 1) == '*') {
        return false;
      }
      index++;
      return true;
    }
    return false;
  }

  private boolean acceptPair(char first, char second) {
    if (index + 1 < input.length()
        && input.charAt(index) == first
        && input.charAt(index + 1) == second) {
      index += 2;
      return true;
    }
    return false;
  }

  private void expect(char c, String what) {
    skipSpaces();
    if (atEnd() || input.charAt(index) != c) {
      throw unexpected(what);
    }
    index++;
  }

  private CalculationException unexpected(String expected) {
    int at = position();
    if (atEnd()) {
      return new CalculationException(
          "unexpected end of expression at position " + at + "; expected " + expected, at);
    }
    return new CalculationException(
        "unexpected '"
            + printable(input.codePointAt(index))
            + "' at position "
            + at
            + "; expected "
            + expected,
        at);
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(input.charAt(index))) {
      index++;
    }
  }

  private void skipDigits() {
    while (!atEnd() && isDigit(input.charAt(index))) {
      index++;
    }
  }

  private boolean atEnd() {
    return index >= input.length();
  }

  /** The 1-based position of the next character. */
  private int position() {
    return index + 1;
  }

  private int peekPosition() {
    skipSpaces();
    return position();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static String shorten(String name) {
    return name.length() <= 32 ? name : name.substring(0, 32) + "...";
  }

  private static String printable(int codePoint) {
    if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
      return String.format("\\u%04X", codePoint);
    }
    return new String(Character.toChars(codePoint));
  }
}
