package io.s3wire.xml;

/** One {@code <Object>} of a DeleteObjects request; {@code versionId} may be {@code null}. */
public record ObjectIdentifier(String key, String versionId) {
  public static ObjectIdentifier of(String key) {
    return new ObjectIdentifier(key, null);
  }
}
