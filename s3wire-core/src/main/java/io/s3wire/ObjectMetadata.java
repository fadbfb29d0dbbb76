package io.s3wire;

import io.s3wire.error.ClientException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What is stored with an object besides its bytes: content type, cache control, storage class and
 * user metadata ({@code x-amz-meta-*}). {@code null} components are not sent (the server's default
 * applies: {@code binary/octet-stream} or {@code application/octet-stream}, {@code STANDARD}).
 *
 * <p>User metadata names are lower-cased (S3 stores them so) and must be ASCII tokens; values must
 * be printable ASCII, because HTTP/1.1 headers carry them. Together they may not exceed 2 KB.
 */
public record ObjectMetadata(
    String contentType, String cacheControl, String storageClass, Map<String, String> userMetadata) {
  public static final ObjectMetadata NONE = new ObjectMetadata(null, null, null, Map.of());

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

  public static ObjectMetadata contentType(String type) {
    return NONE.withContentType(type);
  }

  public ObjectMetadata withContentType(String v) {
    return new ObjectMetadata(v, cacheControl, storageClass, userMetadata);
  }

  public ObjectMetadata withCacheControl(String v) {
    return new ObjectMetadata(contentType, v, storageClass, userMetadata);
  }

  public ObjectMetadata withStorageClass(String v) {
    return new ObjectMetadata(contentType, cacheControl, v, userMetadata);
  }

  /** Adds (or replaces) one user metadata entry. */
  public ObjectMetadata withUserMetadata(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(userMetadata);
    m.put(name.toLowerCase(Locale.ROOT), value);
    return new ObjectMetadata(contentType, cacheControl, storageClass, m);
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
