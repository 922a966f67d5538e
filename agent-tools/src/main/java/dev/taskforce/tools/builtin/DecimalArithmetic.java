package dev.taskforce.tools.builtin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The operations of {@link CalculatorTool} on {@link BigDecimal}, each checked against the size
 * limits so that no expression can make the calculator compute for long or answer with a huge
 * number. Every error names its 1-based position in the expression. Immutable and thread-safe.
 */
final class DecimalArithmetic {

  /** The functions an expression may call, in the order error messages list them. */
  static final List<String> FUNCTIONS = List.of("abs", "max", "min", "round", "sqrt");

  private static final double LOG10_OF_2 = Math.log10(2);

  private final MathContext mathContext;
  private final int maxDigits;
  private final int maxExponent;

  DecimalArithmetic(MathContext mathContext, int maxDigits, int maxExponent) {
    this.mathContext = mathContext;
    this.maxDigits = maxDigits;
    this.maxExponent = maxExponent;
  }

  BigDecimal literal(String text, int at) {
    try {
      return fit(new BigDecimal(text), at);
    } catch (NumberFormatException e) {
      // Only an exponent beyond the int range gets here: the parser passed well-formed digits.
      throw new CalculationException("number is too large at position " + at, at);
    }
  }

  BigDecimal add(BigDecimal a, BigDecimal b, int at) {
    return fit(a.add(b), at);
  }

  BigDecimal subtract(BigDecimal a, BigDecimal b, int at) {
    return fit(a.subtract(b), at);
  }

  BigDecimal multiply(BigDecimal a, BigDecimal b, int at) {
    return fit(a.multiply(b), at);
  }

  BigDecimal negate(BigDecimal a, int at) {
    return fit(a.negate(), at);
  }

  /** Exact when the quotient has a finite decimal expansion, else rounded to the MathContext. */
  BigDecimal divide(BigDecimal a, BigDecimal b, int at) {
    requireNonZeroDivisor(b, at);
    try {
      return fit(a.divide(b), at);
    } catch (ArithmeticException nonTerminating) {
      return fit(a.divide(b, mathContext), at);
    }
  }

  /** The remainder of truncating division; it has the sign of the dividend, as in Java. */
  BigDecimal remainder(BigDecimal a, BigDecimal b, int at) {
    requireNonZeroDivisor(b, at);
    return fit(a.remainder(b), at);
  }

  /** Integer powers only: exact for positive exponents, rounded once for negative ones. */
  BigDecimal power(BigDecimal base, BigDecimal exponent, int at, int exponentAt) {
    int n = integer(exponent, "exponent", exponentAt);
    if (Math.abs((long) n) > maxExponent) {
      throw new CalculationException(
          "exponent "
              + n
              + " is too large at position "
              + exponentAt
              + "; the limit is "
              + maxExponent
              + " either way",
          exponentAt);
    }
    if (base.signum() == 0) {
      if (n < 0) {
        throw new CalculationException("division by zero (0 to a negative power)" + at(at), at);
      }
      return n == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    checkPowerFits(base, Math.abs(n), at);
    BigDecimal magnitude = base.pow(Math.abs(n));
    return n >= 0 ? fit(magnitude, at) : fit(BigDecimal.ONE.divide(magnitude, mathContext), at);
  }

  BigDecimal function(String name, List<BigDecimal> args, int at) {
    switch (name) {
      case "abs":
        return fit(arguments(name, args, 1, 1, at).get(0).abs(), at);
      case "sqrt":
        BigDecimal x = arguments(name, args, 1, 1, at).get(0);
        if (x.signum() < 0) {
          throw new CalculationException("square root of a negative number" + at(at), at);
        }
        return fit(x.sqrt(mathContext), at);
      case "min":
        return arguments(name, args, 1, Integer.MAX_VALUE, at).stream()
            .reduce(BigDecimal::min)
            .orElseThrow();
      case "max":
        return arguments(name, args, 1, Integer.MAX_VALUE, at).stream()
            .reduce(BigDecimal::max)
            .orElseThrow();
      case "round":
        arguments(name, args, 1, 2, at);
        int places = args.size() == 2 ? integer(args.get(1), "decimal places", at) : 0;
        if (Math.abs((long) places) > maxDigits) {
          throw new CalculationException(
              "decimal places " + places + " out of range" + at(at) + "; the limit is " + maxDigits,
              at);
        }
        return fit(args.get(0).setScale(places, RoundingMode.HALF_UP), at);
      default:
        throw new IllegalStateException("no function " + name);
    }
  }

  /**
   * Refuses a result with more digits than allowed before or after the decimal point. Trailing
   * zeros do not count.
   */
  BigDecimal fit(BigDecimal value, int at) {
    BigDecimal v = value;
    if (v.scale() > maxDigits || v.precision() > maxDigits) {
      v = v.stripTrailingZeros();
    }
    if ((long) v.precision() - v.scale() > maxDigits) {
      throw new CalculationException(
          "result is too large" + at(at) + ": more than " + maxDigits + " digits", at);
    }
    if (v.scale() > maxDigits) {
      throw new CalculationException(
          "result is too small"
              + at(at)
              + ": more than "
              + maxDigits
              + " digits after the decimal point",
          at);
    }
    return v;
  }

  /** Refuses {@code base^n} before computing it when the result would be too large or long. */
  private void checkPowerFits(BigDecimal base, int n, int at) {
    BigDecimal b = base.stripTrailingZeros();
    double digitsBeforePoint = Math.floor(n * log10Abs(b)) + 1;
    if (digitsBeforePoint > maxDigits + 1 || (long) Math.max(b.scale(), 0) * n > maxDigits) {
      throw new CalculationException(
          "result of ^ would need more than " + maxDigits + " digits" + at(at), at);
    }
  }

  private static double log10Abs(BigDecimal x) {
    BigInteger unscaled = x.unscaledValue().abs();
    int shift = Math.max(0, unscaled.bitLength() - 62);
    return Math.log10(unscaled.shiftRight(shift).doubleValue()) + shift * LOG10_OF_2 - x.scale();
  }

  private static int integer(BigDecimal value, String what, int at) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() > 0) {
      throw new CalculationException(
          what + " must be a whole number" + at(at) + ", was " + v.toPlainString(), at);
    }
    if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        || v.compareTo(BigDecimal.valueOf(-Integer.MAX_VALUE)) < 0) {
      throw new CalculationException(what + " is too large" + at(at), at);
    }
    return v.intValueExact();
  }

  private static List<BigDecimal> arguments(
      String name, List<BigDecimal> args, int min, int max, int at) {
    if (args.size() < min || args.size() > max) {
      String expected =
          min == max
              ? min + (min == 1 ? " argument" : " arguments")
              : max == Integer.MAX_VALUE
                  ? "at least " + min + (min == 1 ? " argument" : " arguments")
                  : min + " or " + max + " arguments";
      throw new CalculationException(
          name + " takes " + expected + ", got " + args.size() + at(at), at);
    }
    return args;
  }

  private static void requireNonZeroDivisor(BigDecimal divisor, int at) {
    if (divisor.signum() == 0) {
      throw new CalculationException("division by zero" + at(at), at);
    }
  }

  private static String at(int position) {
    return " at position " + position;
  }
}
