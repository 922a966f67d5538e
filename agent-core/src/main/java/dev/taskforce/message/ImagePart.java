package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * An image part of a user message, given by URL: an {@code https://} address or a base64 {@code
 * data:} URL.
 *
 * @param url where the image is, or the image itself as a {@code data:image/...;base64,...} URL
 * @param detail the detail level the provider should use ({@code auto}, {@code low}, {@code high}),
 *     or {@code null} for the provider's default
 */
public record ImagePart(String url, @Nullable String detail) implements ContentPart {

  /** Checks the URL is an http(s) or data URL. */
  public ImagePart {
    requireNonNull(url, "url == null");
    if (!(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("data:"))) {
      throw new IllegalArgumentException(
          "url must be an http(s):// or data: URL, was: "
              + (url.length() > 40 ? url.substring(0, 40) + "…" : url));
    }
  }

  /**
   * Creates an image part from raw bytes, as a base64 data URL.
   *
   * @param mediaType the image type, for example {@code image/png}
   * @param bytes the image bytes
   * @return the image part, with the provider's default detail level
   */
  public static ImagePart fromBytes(String mediaType, byte[] bytes) {
    requireNonNull(mediaType, "mediaType == null");
    requireNonNull(bytes, "bytes == null");
    if (!mediaType.startsWith("image/")) {
      throw new IllegalArgumentException("mediaType must be image/*, was: " + mediaType);
    }
    return new ImagePart(
        "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes), null);
  }
}
