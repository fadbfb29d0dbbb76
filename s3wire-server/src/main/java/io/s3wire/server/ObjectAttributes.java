package io.s3wire.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client sets on an object besides its bytes: system headers kept as given
 * ({@code content-type}, {@code cache-control}, {@code content-encoding},
 * {@code content-disposition}, {@code content-language}, {@code expires}) and user metadata
 * ({@code x-amz-meta-*}, stored without the prefix). Names are lower-case.
 */
public record ObjectAttributes(Map<String, String> headers, Map<String, String> userMetadata) {
  /** The system headers an object keeps, by lower-case name. */
  public static final java.util.List<String> STORED_HEADERS = java.util.List.of(
      "content-type", "cache-control", "content-encoding", "content-disposition", "content-language", "expires");

  public ObjectAttributes {
    headers = lowerCase(headers);
    userMetadata = lowerCase(userMetadata);
  }

  public static ObjectAttributes empty() {
    return new ObjectAttributes(Map.of(), Map.of());
  }

  /** The stored value of a system header, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> lowerCase(Map<String, String> in) {
    TreeMap<String, String> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return java.util.Collections.unmodifiableMap(out);
  }
}
