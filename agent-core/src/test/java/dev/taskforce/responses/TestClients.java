package dev.taskforce.responses;

import dev.taskforce.model.RecordingSleeper;
import dev.taskforce.model.RetryPolicy;

/** Clients pointed at local servers, with recording sleepers and no real environment. */
final class TestClients {

  static final String KEY = "sk-proj-0123456789abcdef-test-secret";

  private TestClients() {}

  /** An OpenAI-target builder for a server base URL (ending in /v1), retrying without sleeping. */
  static OpenAiResponses.Builder openAi(String baseUrl, RecordingSleeper sleeper) {
    return OpenAiResponses.builder()
        .environment(name -> null)
        .baseUrl(baseUrl)
        .apiKey(KEY)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  static OpenAiResponses.Builder openAi(String baseUrl) {
    return openAi(baseUrl, new RecordingSleeper()).retryPolicy(RetryPolicy.NONE);
  }
}
