package dev.taskforce.tools.builtin;

import dev.taskforce.TaskforceException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 for the file tools: malformed input is an error, never replaced silently. */
final class Utf8 {

  private Utf8() {}

  /**
   * Decodes a file's bytes, dropping a leading byte order mark.
   *
   * @param shown the file's path as the model sees it, for the error
   * @throws TaskforceException if the bytes are not UTF-8 or contain NUL (a binary file)
   */
  static String decode(byte[] bytes, String shown) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw notText(shown);
    }
    if (text.indexOf('\0') >= 0) {
      throw notText(shown);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Encodes text to write.
   *
   * @throws TaskforceException if it holds an unpaired surrogate, which has no UTF-8 form
   */
  static byte[] encode(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new TaskforceException(
          "content is not valid Unicode text (it contains an unpaired surrogate)");
    }
  }

  private static TaskforceException notText(String shown) {
    return new TaskforceException(
        shown + " is not UTF-8 text (it looks binary); only UTF-8 text files can be read");
  }
}
