package io.s3wire;

import io.s3wire.error.ClientException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What is stored with an object besides its bytes: content type, cache control, storage class, user
 * metadata ({@code x-amz-meta-*}) and the content headers S3 stores and returns ({@code
 * Content-Disposition}, {@code Content-Encoding}, {@code Content-Language}, {@code Expires}). {@code
 * null} components are not sent (the server's default applies: {@code binary/octet-stream} or
 * {@code application/octet-stream}, {@code STANDARD}).
 *
 * <p>User metadata names are lower-cased (S3 stores them so) and must be ASCII tokens; values must
 * be printable ASCII, because HTTP/1.1 headers carry them. Together they may not exceed 2 KB.
 *
 * @param contentType the media type, e.g. {@code text/plain; charset=utf-8}, or {@code null}
 * @param cacheControl the {@code Cache-Control} value served with the object, or {@code null}
 * @param storageClass the storage class, e.g. {@code STANDARD_IA}, or {@code null} for the bucket's default
 * @param userMetadata the {@code x-amz-meta-*} entries without their prefix, in the order given;
 *     {@code null} means none
 * @param contentDisposition the {@code Content-Disposition} value, or {@code null}
 * @param contentEncoding the {@code Content-Encoding} value, or {@code null}
 * @param contentLanguage the {@code Content-Language} value, or {@code null}
 * @param expires the {@code Expires} instant, or {@code null}
 */
public record ObjectMetadata(
    String contentType,
    String cacheControl,
    String storageClass,
    Map<String, String> userMetadata,
    String contentDisposition,
    String contentEncoding,
    String contentLanguage,
    java.time.Instant expires) {
  /**
   * No metadata: nothing is sent, the server's defaults apply.
   */
  public static final ObjectMetadata NONE = new ObjectMetadata(null, null, null, Map.of());

  /**
   * Without the content headers (the form before they were carried).
   *
   * @param contentType the media type, or {@code null}
   * @param cacheControl the {@code Cache-Control} value, or {@code null}
   * @param storageClass the storage class, or {@code null}
   * @param userMetadata the user metadata without the {@code x-amz-meta-} prefix, or {@code null}
   * @throws ClientException naming {@code user metadata} for a name or value S3 would not take
   */
  public ObjectMetadata(String contentType, String cacheControl, String storageClass, Map<String, String> userMetadata) {
    this(contentType, cacheControl, storageClass, userMetadata, null, null, null, null);
  }

  /**
   * Checks the user metadata (the other values are checked when sent, so a stored object's odd values
   * still read back), lower-cases its names and makes it unmodifiable.
   *
   * @param contentType the media type, or {@code null}
   * @param cacheControl the {@code Cache-Control} value, or {@code null}
   * @param storageClass the storage class, or {@code null}
   * @param userMetadata the user metadata without the {@code x-amz-meta-} prefix, or {@code null}
   * @param contentDisposition the {@code Content-Disposition} value, or {@code null}
   * @param contentEncoding the {@code Content-Encoding} value, or {@code null}
   * @param contentLanguage the {@code Content-Language} value, or {@code null}
   * @param expires the {@code Expires} instant, or {@code null}
   * @throws ClientException naming {@code user metadata} for a name or value S3 would not take
   */
  public ObjectMetadata {
    Map<String, String> m = new LinkedHashMap<>();
    int size = 0;
    if (userMetadata != null) {
      for (Map.Entry<String, String> e : userMetadata.entrySet()) {
        String name = e.getKey().toLowerCase(Locale.ROOT);
        String value = e.getValue() == null ? "" : e.getValue();
        if (name.isEmpty() || !name.chars().allMatch(ObjectMetadata::isTokenChar)) {
          throw new ClientException("user metadata", "name '" + e.getKey() + "' is not an HTTP token");
        }
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
          throw new ClientException("user metadata", "value of '" + name + "' must be printable ASCII");
        }
        size += name.getBytes(StandardCharsets.US_ASCII).length + value.length();
        m.put(name, value);
      }
    }
    if (size > 2048) {
      throw new ClientException("user metadata", "names and values add up to " + size + " bytes, over S3's 2 KB");
    }
    userMetadata = Collections.unmodifiableMap(m);
  }

  /**
   * Only a content type.
   *
   * @param type the media type, e.g. {@code application/json}
   * @return metadata with nothing else set
   */
  public static ObjectMetadata contentType(String type) {
    return NONE.withContentType(type);
  }

  /**
   * With a content type.
   *
   * @param v the media type, or {@code null} for the server's default
   * @return a copy with that change
   */
  public ObjectMetadata withContentType(String v) {
    return new ObjectMetadata(v, cacheControl, storageClass, userMetadata, contentDisposition, contentEncoding,
        contentLanguage, expires);
  }

  /**
   * With {@code Cache-Control}, served back on GET, e.g. {@code max-age=3600}.
   *
   * @param v the value, or {@code null} for none
   * @return a copy with that change
   */
  public ObjectMetadata withCacheControl(String v) {
    return new ObjectMetadata(contentType, v, storageClass, userMetadata, contentDisposition, contentEncoding,
        contentLanguage, expires);
  }

  /**
   * With a storage class ({@code x-amz-storage-class}); which names are accepted depends on the provider.
   *
   * @param v the class, e.g. {@code STANDARD_IA}, or {@code null} for the bucket's default
   * @return a copy with that change
   */
  public ObjectMetadata withStorageClass(String v) {
    return new ObjectMetadata(contentType, cacheControl, v, userMetadata, contentDisposition, contentEncoding,
        contentLanguage, expires);
  }

  /**
   * Adds (or replaces) one user metadata entry.
   *
   * @param name the name without the {@code x-amz-meta-} prefix; lower-cased
   * @param value the value, printable ASCII; {@code null} is stored as empty
   * @return a copy with that change
   * @throws ClientException when the name or value is not allowed or the total passes 2 KB
   */
  public ObjectMetadata withUserMetadata(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(userMetadata);
    m.put(name.toLowerCase(Locale.ROOT), value);
    return new ObjectMetadata(contentType, cacheControl, storageClass, m, contentDisposition, contentEncoding,
        contentLanguage, expires);
  }

  /**
   * With {@code Content-Disposition}, e.g. {@code attachment; filename="a.txt"}.
   *
   * @param v the value, or {@code null} to send none
   * @return a copy with that change
   */
  public ObjectMetadata withContentDisposition(String v) {
    return new ObjectMetadata(contentType, cacheControl, storageClass, userMetadata, v, contentEncoding,
        contentLanguage, expires);
  }

  /**
   * With {@code Content-Encoding}, e.g. {@code gzip}: stored and returned, the bytes are not changed.
   *
   * @param v the value, or {@code null} to send none
   * @return a copy with that change
   */
  public ObjectMetadata withContentEncoding(String v) {
    return new ObjectMetadata(contentType, cacheControl, storageClass, userMetadata, contentDisposition, v,
        contentLanguage, expires);
  }

  /**
   * With {@code Content-Language}, e.g. {@code en-GB}.
   *
   * @param v the value, or {@code null} to send none
   * @return a copy with that change
   */
  public ObjectMetadata withContentLanguage(String v) {
    return new ObjectMetadata(contentType, cacheControl, storageClass, userMetadata, contentDisposition,
        contentEncoding, v, expires);
  }

  /**
   * With {@code Expires}, sent as an HTTP date (whole seconds).
   *
   * @param v the value, or {@code null} to send none
   * @return a copy with that change
   */
  public ObjectMetadata withExpires(java.time.Instant v) {
    return new ObjectMetadata(contentType, cacheControl, storageClass, userMetadata, contentDisposition,
        contentEncoding, contentLanguage, v);
  }

  /** Whether {@code c} may appear in an HTTP token (a header name), lower case. */
  static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
