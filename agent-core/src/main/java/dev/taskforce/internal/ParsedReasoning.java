package dev.taskforce.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.taskforce.message.ReasoningDetail;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Makes a {@link ReasoningDetail} from an item a client has already parsed, without parsing its
 * text a second time. Only for Taskforce's own clients: the caller vouches that {@code json} is one
 * JSON object whose {@code type} and {@code index} are the ones given.
 */
public final class ParsedReasoning {

  /** Builds the item; set once by {@link ReasoningDetail}'s class initialiser. */
  public interface Factory {
    /**
     * @param json the item's text, one JSON object
     * @param type its {@code type}
     * @param index its {@code index}, or {@code null}
     * @return the item
     */
    ReasoningDetail make(String json, String type, @Nullable Integer index);
  }

  private static volatile @Nullable Factory factory;

  /**
   * What identifies an item: its {@code type} (null when it has no string type, so it is no item)
   * and its {@code index} (null when absent, not a number or out of the int range).
   *
   * @param type the type, or null
   * @param index the index, or null
   */
  public record Head(@Nullable String type, @Nullable Integer index) {}

  /**
   * Reads an item's fields, the parser just past its {@code START_OBJECT}, to its {@code
   * END_OBJECT}; other fields are skipped, not decoded. One rule for the clients and for {@link
   * ReasoningDetail#fromJson}.
   *
   * @param p the parser
   * @return the type and index
   * @throws IOException if the text is not JSON
   */
  public static Head readHead(JsonParser p) throws IOException {
    String type = null;
    Integer index = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("type") && t == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if (field.equals("index") && t == JsonToken.VALUE_NUMBER_INT) {
        index = p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
      } else if (field.equals("index") && t == JsonToken.VALUE_NUMBER_FLOAT) {
        double d = p.getDoubleValue(); // As a tree's intValue() reads it: truncated when in range.
        index = d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (int) d : null;
      } else {
        p.skipChildren();
      }
    }
    return new Head(type, index);
  }

  private ParsedReasoning() {}

  /**
   * Installs the factory; called by {@link ReasoningDetail} alone.
   *
   * @param f the factory
   */
  public static void install(Factory f) {
    if (factory != null) {
      throw new IllegalStateException("already installed");
    }
    factory = f;
  }

  /**
   * The item for a parsed text.
   *
   * @param json the item's text, one JSON object
   * @param type its {@code type}
   * @param index its {@code index}, or {@code null}
   * @return the item, its text without whitespace between tokens
   */
  public static ReasoningDetail of(String json, String type, @Nullable Integer index) {
    Factory f = factory;
    if (f == null) {
      // A class literal does not initialise the class: load it so that it installs its factory.
      try {
        Class.forName(
            ReasoningDetail.class.getName(), true, ReasoningDetail.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      f = factory;
    }
    return f.make(json, type, index);
  }
}
