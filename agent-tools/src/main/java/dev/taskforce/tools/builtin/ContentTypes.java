package dev.taskforce.tools.builtin;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which responses {@link HttpGetTool} returns (text only), and how it decodes them. */
final class ContentTypes {

  /** The Accept header the tool sends. */
  static final String ACCEPT =
      "text/*, application/json, application/*+json, application/xml, application/*+xml;q=0.9";

  private static final Set<String> TEXT_APPLICATION_TYPES =
      Set.of(
          "application/json",
          "application/xml",
          "application/javascript",
          "application/ecmascript",
          "application/x-javascript",
          "application/yaml",
          "application/x-yaml",
          "application/x-ndjson",
          "application/toml");

  private ContentTypes() {}

  /**
   * Refuses a response that is not text.
   *
   * @param contentType the Content-Type header, or {@code null} when there was none
   * @param origin the server, for the message
   * @throws ToolRefusedException if the type is missing or not a text type
   */
  static void requireText(@Nullable String contentType, String origin) {
    if (contentType == null || contentType.isBlank()) {
      throw new ToolRefusedException(
          origin + " answered without a Content-Type; only text responses are returned");
    }
    String type = mediaType(contentType);
    boolean text =
        type.startsWith("text/")
            || TEXT_APPLICATION_TYPES.contains(type)
            || (type.startsWith("application/")
                && (type.endsWith("+json") || type.endsWith("+xml")));
    if (!text) {
      throw new ToolRefusedException(
          origin
              + " answered with content type "
              + shorten(type)
              + "; only text responses (text/*, JSON, XML) are returned");
    }
  }

  /**
   * Decodes the first {@code length} bytes of a body with the charset the Content-Type names, or
   * UTF-8. Malformed bytes become U+FFFD; a character cut at the end is dropped.
   */
  static String decode(byte[] body, int length, @Nullable String contentType) {
    // Charset.decode replaces malformed and unmappable input.
    String text = charset(contentType).decode(ByteBuffer.wrap(body, 0, length)).toString();
    if (length < body.length && text.endsWith("\uFFFD")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static Charset charset(@Nullable String contentType) {
    if (contentType != null) {
      for (String parameter : contentType.split(";")) {
        String p = parameter.trim();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          String name = p.substring(8).trim().replace("\"", "");
          try {
            if (Charset.isSupported(name)) {
              return Charset.forName(name);
            }
          } catch (IllegalArgumentException e) {
            // An illegal charset name: fall back to UTF-8.
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String shorten(String type) {
    return type.length() <= 100 ? type : type.substring(0, 100) + "...";
  }
}
