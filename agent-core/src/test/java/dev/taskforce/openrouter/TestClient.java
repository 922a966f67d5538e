package dev.taskforce.openrouter;

import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.RetryPolicy;
import dev.taskforce.testserver.ScriptedServer;
import dev.taskforce.transport.TransportFactory;

/** Builds clients that talk to a {@link ScriptedServer}, with a recording sleeper. */
final class TestClient {

  static final String KEY = "sk-or-v1-0123456789abcdef-test-secret";

  private TestClient() {}

  static OpenRouter.Builder builder(ScriptedServer server, RecordingSleeper sleeper) {
    return OpenRouter.builder()
        .environment(name -> null)
        .baseUrl(server.baseUrl() + "/api/v1")
        .apiKey(KEY)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  static OpenRouter noRetries(ScriptedServer server, TransportFactory transport) {
    return builder(server, new RecordingSleeper())
        .retryPolicy(RetryPolicy.NONE)
        .transport(transport)
        .build();
  }
}
