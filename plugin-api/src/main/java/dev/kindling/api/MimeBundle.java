package dev.kindling.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value rendered for display: MIME type to representation, plus per-type metadata.
 *
 * <p>Text types map to strings, binary types (such as {@code image/png}) to base64 strings, and
 * JSON types ({@code application/json}, {@code application/*+json}) to plain Java JSON values.
 * Front ends expect every bundle to carry {@code text/plain}.
 *
 * @param data representations by MIME type, in insertion order
 * @param metadata metadata by MIME type (for example image sizes); may be empty
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

  /** The MIME type every bundle should carry. */
  public static final String TEXT_PLAIN = "text/plain";

  public MimeBundle {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
    metadata =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
  }

  /** A bundle with only {@code text/plain}. */
  public static MimeBundle text(String text) {
    return of(TEXT_PLAIN, text);
  }

  /** A bundle with one representation. */
  public static MimeBundle of(String mimeType, Object value) {
    return new MimeBundle(Map.of(mimeType, value), Map.of());
  }

  /** A copy of this bundle with one more (or a replaced) representation. */
  public MimeBundle with(String mimeType, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(data);
    copy.put(mimeType, value);
    return new MimeBundle(copy, metadata);
  }

  /** A copy of this bundle with metadata for one MIME type. */
  public MimeBundle withMetadata(String mimeType, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(metadata);
    copy.put(mimeType, value);
    return new MimeBundle(data, copy);
  }
}
