package io.s3wire.error;

/**
 * HTTP/2 error codes (RFC 9113 section 7) with what each means to a client, in HTTP/1.1 terms.
 */
public enum Http2ErrorCode {
  /** Code 0x0: graceful shutdown; not an error. */
  NO_ERROR(0x0, "graceful shutdown; not an error"),
  /** Code 0x1: the peer considers the request malformed, like an HTTP/1.1 400 Bad Request without a body. */
  PROTOCOL_ERROR(0x1, "the peer considers the request malformed, like an HTTP/1.1 400 Bad Request without a body"),
  /** Code 0x2: the peer failed internally, like a 500. */
  INTERNAL_ERROR(0x2, "the peer failed internally, like a 500"),
  /** Code 0x3: flow-control rules were broken. */
  FLOW_CONTROL_ERROR(0x3, "flow-control rules were broken"),
  /** Code 0x4: SETTINGS were not acknowledged in time. */
  SETTINGS_TIMEOUT(0x4, "SETTINGS were not acknowledged in time"),
  /** Code 0x5: a frame arrived on a half-closed stream. */
  STREAM_CLOSED(0x5, "a frame arrived on a half-closed stream"),
  /** Code 0x6: a frame had an invalid size. */
  FRAME_SIZE_ERROR(0x6, "a frame had an invalid size"),
  /** Code 0x7: the request was not processed at all; safe to retry, like a 503 before any work. */
  REFUSED_STREAM(0x7, "the request was not processed at all; safe to retry, like a 503 before any work"),
  /** Code 0x8: the stream is no longer needed. */
  CANCEL(0x8, "the stream is no longer needed"),
  /** Code 0x9: the header compression context broke. */
  COMPRESSION_ERROR(0x9, "the header compression context broke"),
  /** Code 0xa: a CONNECT tunnel failed. */
  CONNECT_ERROR(0xa, "a CONNECT tunnel failed"),
  /** Code 0xb: the peer thinks we are abusive, like a 429. */
  ENHANCE_YOUR_CALM(0xb, "the peer thinks we are abusive, like a 429"),
  /** Code 0xc: the TLS parameters are not acceptable for HTTP/2. */
  INADEQUATE_SECURITY(0xc, "the TLS parameters are not acceptable for HTTP/2"),
  /** Code 0xd: the server requires HTTP/1.1 for this request; a version signal. */
  HTTP_1_1_REQUIRED(0xd, "the server requires HTTP/1.1 for this request; a version signal");

  private final long code;
  private final String meaning;

  Http2ErrorCode(long code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /**
   * The numeric value sent in RST_STREAM and GOAWAY frames.
   *
   * @return the 32-bit code, as a non-negative {@code long}
   */
  public long code() {
    return code;
  }

  /**
   * What the code means to a client, in one phrase.
   *
   * @return a lower-case phrase, e.g. {@code "the peer failed internally, like a 500"}
   */
  public String meaning() {
    return meaning;
  }

  /**
   * The code for a numeric value.
   *
   * @param code the value from an RST_STREAM or GOAWAY frame
   * @return the matching constant, or {@code null} for a code RFC 9113 does not define
   */
  public static Http2ErrorCode of(long code) {
    for (Http2ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }

  /**
   * The name for a numeric value, for messages.
   *
   * @param code the value from an RST_STREAM or GOAWAY frame
   * @return the constant's name, or {@code UNKNOWN(0x..)} with the value in hex
   */
  public static String nameOf(long code) {
    Http2ErrorCode c = of(code);
    return c != null ? c.name() : "UNKNOWN(0x" + Long.toHexString(code) + ")";
  }
}
