package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A tool that evaluates arithmetic expressions exactly, in decimal.
 *
 * <pre>{@code
 * CalculatorTool calc = CalculatorTool.create();
 * calc.calculate("0.1 + 0.2");          // "0.3"
 * calc.calculate("(2 + 3) * 2^10 / 4"); // "1280"
 * Tools.from(calc);                     // the tool "calculate"
 * }</pre>
 *
 * <p>Supported: {@code + - * / %} and {@code ^} (or {@code **}) with integer exponents, unary
 * minus, parentheses, decimal numbers (also {@code 1.5e3}), and the functions {@code abs(x)},
 * {@code sqrt(x)}, {@code round(x)}, {@code round(x, places)} (half up), {@code min(a, b, ...)} and
 * {@code max(a, b, ...)}. {@code ^} is right-associative and binds tighter than unary minus: {@code
 * 2^3^2 = 512}, {@code -2^2 = -4}. {@code %} is the remainder of truncating division, with the sign
 * of the dividend ({@code -7 % 3 = -1}).
 *
 * <p>Exactness: numbers are {@link BigDecimal}s, so addition, subtraction, multiplication, positive
 * powers and terminating division are exact ({@code 0.1 + 0.2 = 0.3}, {@code 1 / 8 = 0.125}). A
 * quotient without a finite decimal expansion ({@code 1 / 3}), a negative power and {@code sqrt}
 * are rounded to the {@link Builder#mathContext MathContext}, by default {@link
 * MathContext#DECIMAL128} (34 significant digits, half even).
 *
 * <p>Safety: the expression is parsed by hand; there is no script engine, no reflection and no way
 * to run code. Input length, nesting depth, exponent size and result size are limited (see {@link
 * Builder}), so no input can make the tool compute for long, overflow the stack or answer with a
 * huge number. Every error is a {@link CalculationException} naming the position. Immutable and
 * thread-safe.
 */
public final class CalculatorTool {

  /** Default {@link Builder#maxLength}. */
  public static final int DEFAULT_MAX_LENGTH = 1_000;

  /** Default {@link Builder#maxDepth}. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** Default {@link Builder#maxExponent}. */
  public static final int DEFAULT_MAX_EXPONENT = 1_000;

  /** Default {@link Builder#maxDigits}. */
  public static final int DEFAULT_MAX_DIGITS = 1_000;

  // Hard caps: beyond them a single call could take noticeable CPU or stack.
  static final int MAX_LENGTH_CAP = 100_000;
  static final int MAX_DEPTH_CAP = 256;
  static final int MAX_EXPONENT_CAP = 100_000;
  static final int MAX_DIGITS_CAP = 10_000;

  private final int maxLength;
  private final int maxDepth;
  private final DecimalArithmetic math;
  private final String settings;

  private CalculatorTool(Builder b) {
    this.maxLength = b.maxLength;
    this.maxDepth = b.maxDepth;
    this.math = new DecimalArithmetic(b.mathContext, b.maxDigits, b.maxExponent);
    this.settings =
        "CalculatorTool{maxLength="
            + b.maxLength
            + ", maxDepth="
            + b.maxDepth
            + ", maxExponent="
            + b.maxExponent
            + ", maxDigits="
            + b.maxDigits
            + ", mathContext="
            + b.mathContext
            + "}";
  }

  /**
   * A calculator with the default limits and {@link MathContext#DECIMAL128}.
   *
   * @return the tool
   */
  public static CalculatorTool create() {
    return builder().build();
  }

  /**
   * Starts a calculator with custom limits.
   *
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Evaluates an expression.
   *
   * @param expression the expression, e.g. {@code (1.5 + 2) * 3^2 / 7}
   * @return the result in plain decimal notation without trailing zeros, e.g. {@code "4.5"}
   * @throws CalculationException if the expression is empty, too long, malformed, nests too deeply,
   *     divides by zero, takes the square root of a negative number, or its result would be too
   *     large; the message names the position
   */
  @Tool(
      name = "calculate",
      value =
          "Evaluates an arithmetic expression exactly in decimal and returns the result. Supports"
              + " + - * / % ^ (integer exponents), parentheses, unary minus, and the functions"
              + " abs(x), sqrt(x), round(x), round(x, places), min(a, b, ...), max(a, b, ...)."
              + " Example: (1.5 + 2) * 3^2 / 7")
  public String calculate(
      @Param("The expression, e.g. (1.5 + 2) * 3^2 / 7 or sqrt(2) * max(3, 4)") @NotBlank
          String expression) {
    requireNonNull(expression, "expression == null");
    if (expression.length() > maxLength) {
      throw new CalculationException(
          "expression is "
              + expression.length()
              + " characters long; the limit is "
              + maxLength
              + " characters",
          0);
    }
    BigDecimal result = ExpressionParser.evaluate(expression, math, maxDepth);
    return result.stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return settings;
  }

  /** Builds a {@link CalculatorTool}. Not thread-safe. */
  public static final class Builder {
    private int maxLength = DEFAULT_MAX_LENGTH;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxExponent = DEFAULT_MAX_EXPONENT;
    private int maxDigits = DEFAULT_MAX_DIGITS;
    private MathContext mathContext = MathContext.DECIMAL128;

    private Builder() {}

    /**
     * Sets the longest expression accepted, in characters.
     *
     * @param maxLength 1 to 100,000; default {@value CalculatorTool#DEFAULT_MAX_LENGTH}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxLength(int maxLength) {
      this.maxLength = Limits.inRange("maxLength", maxLength, 1, MAX_LENGTH_CAP);
      return this;
    }

    /**
     * Sets how deeply parentheses, unary signs and powers may nest.
     *
     * @param maxDepth 1 to 256; default {@value CalculatorTool#DEFAULT_MAX_DEPTH}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = Limits.inRange("maxDepth", maxDepth, 1, MAX_DEPTH_CAP);
      return this;
    }

    /**
     * Sets the largest exponent of {@code ^}, either sign.
     *
     * @param maxExponent 0 to 100,000; default {@value CalculatorTool#DEFAULT_MAX_EXPONENT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxExponent(int maxExponent) {
      this.maxExponent = Limits.inRange("maxExponent", maxExponent, 0, MAX_EXPONENT_CAP);
      return this;
    }

    /**
     * Sets how many digits any number, intermediate or final, may have before the decimal point,
     * and separately after it (trailing zeros do not count).
     *
     * @param maxDigits 1 to 10,000; default {@value CalculatorTool#DEFAULT_MAX_DIGITS}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDigits(int maxDigits) {
      this.maxDigits = Limits.inRange("maxDigits", maxDigits, 1, MAX_DIGITS_CAP);
      return this;
    }

    /**
     * Sets the precision and rounding of inexact results: non-terminating division, negative powers
     * and {@code sqrt}.
     *
     * @param mathContext a context with a precision of at least 1 (not {@link
     *     MathContext#UNLIMITED}) and at most {@link #maxDigits}; default {@link
     *     MathContext#DECIMAL128}
     * @return this builder
     * @throws IllegalArgumentException if its precision is 0
     */
    public Builder mathContext(MathContext mathContext) {
      requireNonNull(mathContext, "mathContext == null");
      if (mathContext.getPrecision() == 0) {
        throw new IllegalArgumentException(
            "mathContext must have a precision of at least 1 (UNLIMITED cannot round 1/3)");
      }
      this.mathContext = mathContext;
      return this;
    }

    /**
     * Builds the calculator.
     *
     * @return the calculator
     * @throws IllegalStateException if the math context's precision exceeds {@link #maxDigits}
     */
    public CalculatorTool build() {
      if (mathContext.getPrecision() > maxDigits) {
        throw new IllegalStateException(
            "mathContext precision "
                + mathContext.getPrecision()
                + " exceeds maxDigits "
                + maxDigits);
      }
      return new CalculatorTool(this);
    }
  }
}
