package dev.taskforce.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskforce.transport.Headers;
import dev.taskforce.transport.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelHttpTest {

  @Test
  void aBodyOfItsDeclaredLengthIsReadWhole() throws IOException {
    assertThat(read("{\"a\":1}", "7")).isEqualTo("{\"a\":1}");
  }

  @Test
  void aBodyShorterThanDeclaredGivesTheBytesThatCame() throws IOException {
    assertThat(read("{\"a\"", "7")).isEqualTo("{\"a\"");
  }

  @Test
  void aBodyLongerThanDeclaredIsReadToItsEnd() throws IOException {
    assertThat(read("{\"a\":1234}", "7")).isEqualTo("{\"a\":1234}");
  }

  @Test
  void aBodyWithoutOrWithABadLengthIsReadToItsEnd() throws IOException {
    assertThat(read("{\"a\":1}", null)).isEqualTo("{\"a\":1}");
    assertThat(read("{\"a\":1}", "seven")).isEqualTo("{\"a\":1}");
    assertThat(read("{\"a\":1}", "-1")).isEqualTo("{\"a\":1}");
    assertThat(read("", "0")).isEmpty();
  }

  private static String read(String body, String contentLength) throws IOException {
    Headers headers =
        contentLength == null ? Headers.of() : Headers.of("Content-Length", contentLength);
    TransportResponse r =
        new TransportResponse(
            200, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    return new String(ModelHttp.readWholeBody(r), StandardCharsets.UTF_8);
  }
}
