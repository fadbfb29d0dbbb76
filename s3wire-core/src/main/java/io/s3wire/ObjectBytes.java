package io.s3wire;

/**
 * A whole (or ranged) object read into memory, with its head. The array is not copied.
 *
 * @param info the object's head: size, ETag, dates, metadata
 * @param bytes the content (of the range, if one was asked); owned by the caller
 */
public record ObjectBytes(ObjectInfo info, byte[] bytes) {
  /**
   * The bytes as UTF-8 text.
   *
   * @return the text; malformed UTF-8 is replaced, not rejected
   */
  public String asUtf8() {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
