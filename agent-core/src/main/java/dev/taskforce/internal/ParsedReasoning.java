package dev.taskforce.internal;

import dev.taskforce.message.ReasoningDetail;
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
