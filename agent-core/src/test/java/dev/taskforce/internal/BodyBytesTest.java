package dev.taskforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyBytesTest {

  @Test
  void givesExactlyTheBytesWrittenInAnArrayOfTheirSize() {
    BodyBytes out = BodyBytes.take();
    out.write('{');
    out.write("\"a\":1}".getBytes(StandardCharsets.UTF_8), 0, 6);
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void growsPastItsFirstArrayAndARecycledArrayStartsEmpty() {
    byte[] big = new byte[100_000];
    Arrays.fill(big, (byte) 'x');
    BodyBytes first = BodyBytes.take();
    first.write(big, 0, big.length);
    assertThat(first.toByteArray()).isEqualTo(big);

    BodyBytes next = BodyBytes.take();
    next.write('y');
    assertThat(next.toByteArray()).containsExactly('y');
  }

  @Test
  void theArrayHandedOutIsNeverTheRecycledOne() {
    BodyBytes a = BodyBytes.take();
    a.write('a');
    byte[] first = a.toByteArray();
    BodyBytes b = BodyBytes.take();
    b.write('b');
    b.toByteArray();
    assertThat(first).containsExactly('a');
  }
}
