package io.s3wire;

/** A whole (or ranged) object read into memory, with its head. The array is not copied. */
public record ObjectBytes(ObjectInfo info, byte[] bytes) {
  /** The bytes as UTF-8 text. */
  public String asUtf8() {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
