package dev.taskforce.bench.perturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    assertThat(Spread.of(5, 1, 3)).isEqualTo(new Spread(3, 1, 5));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Spread.of(4, 1, 3, 10)).isEqualTo(new Spread(3.5, 1, 10));
  }

  @Test
  void theValuesAreNotReordered() {
    double[] values = {3, 1, 2};

    Spread.of(values);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void noValuesHaveNoSpread() {
    assertThatThrownBy(Spread::of).isInstanceOf(IllegalArgumentException.class);
  }
}
