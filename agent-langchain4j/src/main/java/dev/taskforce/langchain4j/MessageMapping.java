package dev.taskforce.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.taskforce.message.AssistantMessage;
import dev.taskforce.message.ContentPart;
import dev.taskforce.message.ImagePart;
import dev.taskforce.message.Message;
import dev.taskforce.message.Reasoning;
import dev.taskforce.message.SystemMessage;
import dev.taskforce.message.TextPart;
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Maps messages between LangChain4j and Taskforce, both ways. */
final class MessageMapping {

  private MessageMapping() {}

  // ---- LangChain4j -> Taskforce

  /**
   * Maps a LangChain4j conversation.
   *
   * @param keepForeignAttributes whether AI message attributes other than Taskforce's own are kept
   *     (as one extra reasoning item); only when the conversation goes back to a LangChain4j model
   */
  static List<Message> toTaskforce(List<ChatMessage> messages, boolean keepForeignAttributes) {
    List<Message> out = new ArrayList<>(messages.size());
    int i = 0;
    for (ChatMessage m : messages) {
      try {
        out.add(toTaskforce(m, keepForeignAttributes));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("messages[" + i + "]: " + e.getMessage(), e);
      }
      i++;
    }
    return out;
  }

  private static Message toTaskforce(ChatMessage message, boolean keepForeignAttributes) {
    if (message instanceof dev.langchain4j.data.message.SystemMessage s) {
      return new SystemMessage(s.text());
    }
    if (message instanceof dev.langchain4j.data.message.UserMessage u) {
      List<ContentPart> parts = new ArrayList<>();
      for (Content c : u.contents()) {
        parts.add(part(c));
      }
      return new UserMessage(parts);
    }
    if (message instanceof AiMessage a) {
      return assistantMessage(a, keepForeignAttributes);
    }
    if (message instanceof ToolExecutionResultMessage t) {
      if (t.id() == null) {
        throw new IllegalArgumentException(
            "tool result for " + t.toolName() + " has no id; Taskforce answers calls by id");
      }
      return new ToolResultMessage(
          t.id(), t.toolName(), text(t.contents()), Boolean.TRUE.equals(t.isError()));
    }
    throw new UnsupportedFeatureException(
        message.getClass().getSimpleName() + " messages are not supported by Taskforce models");
  }

  /** Maps an AI message, its reasoning and refusal read from its attributes. */
  static AssistantMessage assistantMessage(AiMessage a, boolean keepForeignAttributes) {
    List<ToolCall> calls = new ArrayList<>();
    int i = 0;
    for (ToolExecutionRequest r : a.toolExecutionRequests()) {
      String id = r.id();
      if (id == null || id.isEmpty()) {
        if (!keepForeignAttributes) {
          throw new IllegalArgumentException(
              "tool execution request " + r.name() + " has no id; Taskforce answers calls by id");
        }
        // Some LangChain4j providers (Gemini, Ollama) give no ids; they pair results by order.
        id = "lc4j-call-" + i;
      }
      calls.add(new ToolCall(id, r.name(), r.arguments() == null ? "{}" : r.arguments()));
      i++;
    }
    Reasoning reasoning = ReasoningAttributes.read(a);
    if (keepForeignAttributes) {
      reasoning = ForeignAttributes.attach(reasoning, a.attributes());
    }
    return new AssistantMessage(a.text(), calls, ReasoningAttributes.refusal(a), reasoning);
  }

  private static ContentPart part(Content c) {
    if (c instanceof TextContent t) {
      return new TextPart(t.text());
    }
    if (c instanceof ImageContent i) {
      Image image = i.image();
      String detail = detail(i.detailLevel());
      if (image.url() != null) {
        String url = image.url().toString();
        if (!(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("data:"))) {
          throw new UnsupportedFeatureException(
              "image URL scheme not supported (use http(s) or base64 data): " + image.url());
        }
        return new ImagePart(url, detail);
      }
      if (image.base64Data() == null || image.mimeType() == null) {
        throw new IllegalArgumentException("image content has neither a URL nor base64 data");
      }
      return new ImagePart("data:" + image.mimeType() + ";base64," + image.base64Data(), detail);
    }
    throw new UnsupportedFeatureException(
        c.type() + " content is not supported by Taskforce models (text and images are)");
  }

  /**
   * The wire detail for a LangChain4j level: OpenAI's {@code low}, {@code high} and {@code auto};
   * {@code ULTRA_HIGH} as OpenRouter's {@code original} (full resolution, "high" where a provider
   * has no such level); {@code MEDIUM}, which OpenAI-style APIs lack, as {@code auto}.
   */
  private static @Nullable String detail(ImageContent.@Nullable DetailLevel level) {
    if (level == null) {
      return null;
    }
    switch (level) {
      case ULTRA_HIGH:
        return "original";
      case MEDIUM:
        return "auto";
      default:
        return level.name().toLowerCase(Locale.ROOT);
    }
  }

  private static String text(List<Content> contents) {
    StringBuilder sb = new StringBuilder();
    for (Content c : contents) {
      if (!(c instanceof TextContent t)) {
        throw new UnsupportedFeatureException(
            c.type() + " content in a tool result is not supported by Taskforce models");
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }

  // ---- Taskforce -> LangChain4j

  /** Maps a Taskforce conversation. */
  static List<ChatMessage> toLangChain4j(List<Message> messages) {
    List<ChatMessage> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      out.add(toLangChain4j(m));
    }
    return out;
  }

  private static ChatMessage toLangChain4j(Message message) {
    if (message instanceof SystemMessage s) {
      return dev.langchain4j.data.message.SystemMessage.from(s.text());
    }
    if (message instanceof UserMessage u) {
      List<Content> contents = new ArrayList<>();
      for (ContentPart p : u.parts()) {
        contents.add(content(p));
      }
      return dev.langchain4j.data.message.UserMessage.from(contents);
    }
    if (message instanceof AssistantMessage a) {
      return aiMessage(a);
    }
    ToolResultMessage t = (ToolResultMessage) message;
    return ToolExecutionResultMessage.builder()
        .id(t.toolCallId())
        .toolName(t.toolName())
        .text(t.content())
        .isError(t.isError())
        .build();
  }

  /**
   * Maps an assistant message: reasoning text as {@code thinking} and as the {@link
   * LangChain4j#REASONING_TEXT} attribute, items as {@link LangChain4j#REASONING_DETAILS}, the
   * refusal as {@link LangChain4j#REFUSAL}, and attributes kept from a LangChain4j model restored.
   */
  static AiMessage aiMessage(AssistantMessage a) {
    List<ToolExecutionRequest> requests = new ArrayList<>();
    for (ToolCall c : a.toolCalls()) {
      requests.add(
          ToolExecutionRequest.builder()
              .id(c.id())
              .name(c.name())
              .arguments(c.argumentsJson())
              .build());
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    Reasoning providerItems = ForeignAttributes.detach(a.reasoning(), attributes);
    attributes.putAll(ReasoningAttributes.write(providerItems, a.refusal()));
    return AiMessage.builder()
        .text(a.text())
        .thinking(a.reasoning().text())
        .toolExecutionRequests(requests)
        .attributes(attributes)
        .build();
  }

  private static Content content(ContentPart p) {
    if (p instanceof TextPart t) {
      return TextContent.from(t.text());
    }
    ImagePart i = (ImagePart) p;
    ImageContent.DetailLevel detail = detailLevel(i.detail());
    String url = i.url();
    if (url.startsWith("data:")) {
      int comma = url.indexOf(',');
      int semi = url.indexOf(';');
      if (comma > 0 && semi > 5 && semi < comma && url.startsWith(";base64", semi)) {
        Image image =
            Image.builder()
                .base64Data(url.substring(comma + 1))
                .mimeType(url.substring(5, semi))
                .build();
        return detail == null ? ImageContent.from(image) : ImageContent.from(image, detail);
      }
    }
    return detail == null ? ImageContent.from(url) : ImageContent.from(url, detail);
  }

  private static ImageContent.@Nullable DetailLevel detailLevel(@Nullable String detail) {
    if (detail == null) {
      return null;
    }
    if (detail.equals("original")) {
      return ImageContent.DetailLevel.ULTRA_HIGH;
    }
    for (ImageContent.DetailLevel level : ImageContent.DetailLevel.values()) {
      if (level.name().equalsIgnoreCase(detail)) {
        return level;
      }
    }
    return null;
  }
}
