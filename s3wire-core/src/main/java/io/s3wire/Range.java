package io.s3wire;

import io.s3wire.error.ClientException;

/**
 * A byte range of an object, as HTTP's {@code Range: bytes=...} names it (RFC 9110 section 14.1.2).
 *
 * <p>Three shapes: {@link #of(long, long)} (first to last, both inclusive), {@link #from(long)} (first
 * to the end) and {@link #lastBytes(long)} (a suffix). Inverted or negative bounds are a {@link
 * ClientException} when the range is made, so nothing is sent.
 *
 * @param first the first byte, or {@code -1} for a suffix range
 * @param last the last byte (inclusive), or {@code -1} for "to the end"; for a suffix range, the length
 */
public record Range(long first, long last) {
  /**
   * Checks the bounds; prefer the factories, which name the shape.
   *
   * @param first the first byte, or {@code -1} for a suffix range
   * @param last the last byte (inclusive), {@code -1} for "to the end", or a suffix range's length
   * @throws ClientException when a bound is below {@code -1}, the range is inverted, or a suffix is
   *     not positive
   */
  public Range {
    if (first < -1 || last < -1 || (first == -1 && last <= 0)) {
      throw new ClientException("range", "bounds must not be negative (first " + first + ", last " + last + ")");
    }
    if (first >= 0 && last >= 0 && last < first) {
      throw new ClientException("range", "inverted: last byte " + last + " is before first byte " + first);
    }
  }

  /**
   * Bytes {@code first} to {@code last}, both inclusive.
   *
   * @param first the first byte, from 0
   * @param last the last byte, at least {@code first}
   * @return the range
   * @throws ClientException when a bound is negative or {@code last < first}
   */
  public static Range of(long first, long last) {
    if (first < 0) {
      throw new ClientException("range", "first byte must not be negative, was " + first);
    }
    if (last < 0) {
      throw new ClientException("range", "last byte must not be negative, was " + last);
    }
    return new Range(first, last);
  }

  /**
   * From byte {@code first} to the end of the object.
   *
   * @param first the first byte, from 0
   * @return the range
   * @throws ClientException when {@code first} is negative
   */
  public static Range from(long first) {
    if (first < 0) {
      throw new ClientException("range", "first byte must not be negative, was " + first);
    }
    return new Range(first, -1);
  }

  /**
   * The last {@code length} bytes of the object.
   *
   * @param length how many bytes, at least 1; more than the object has means all of it
   * @return the range
   * @throws ClientException when {@code length} is not positive
   */
  public static Range lastBytes(long length) {
    if (length <= 0) {
      throw new ClientException("range", "a suffix length must be positive, was " + length);
    }
    return new Range(-1, length);
  }

  /**
   * The value of the {@code Range} header, e.g. {@code bytes=0-99}.
   *
   * @return the header value
   */
  public String headerValue() {
    if (first == -1) {
      return "bytes=-" + last;
    }
    return last == -1 ? "bytes=" + first + "-" : "bytes=" + first + "-" + last;
  }

  @Override
  public String toString() {
    return headerValue();
  }
}
