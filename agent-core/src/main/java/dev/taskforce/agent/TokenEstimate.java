package dev.taskforce.agent;

import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ContentPart;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Message;
import dev.taskforce.message.ReasoningDetail;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import dev.taskforce.tool.ToolSpec;
import java.util.List;

/**
 * A quick, provider-independent estimate of prompt size: about four characters per token, plus a
 * little per message and a flat amount per image. Good enough to refuse a request that cannot fit
 * and to bound a budget's worst case; not a tokenizer.
 */
final class TokenEstimate {

  static final int CHARS_PER_TOKEN = 4;
  static final int PER_MESSAGE = 4;
  static final int PER_IMAGE = 1_000;

  private TokenEstimate() {}

  static long of(List<? extends Message> messages, List<ToolSpec> tools) {
    long chars = 0;
    long extra = 0;
    for (Message m : messages) {
      extra += PER_MESSAGE;
      if (m instanceof SystemMessage s) {
        chars += s.text().length();
      } else if (m instanceof UserMessage u) {
        for (ContentPart p : u.parts()) {
          if (p instanceof TextPart t) {
            chars += t.text().length();
          } else if (p instanceof ImagePart) {
            extra += PER_IMAGE;
          }
        }
      } else if (m instanceof AssistantMessage a) {
        chars += a.text() == null ? 0 : a.text().length();
        for (ToolCall c : a.toolCalls()) {
          chars += c.name().length() + c.argumentsJson().length();
        }
        for (ReasoningDetail d : a.reasoning().details()) {
          chars += d.json().length();
        }
      } else if (m instanceof ToolResultMessage t) {
        chars += t.content().length();
      }
    }
    for (ToolSpec t : tools) {
      chars += t.name().length() + t.description().length() + t.parameters().json().length();
    }
    return chars / CHARS_PER_TOKEN + extra;
  }
}
