package io.s3wire.error;

/**
 * HTTP/2 error codes (RFC 9113 section 7) with what each means to a client, in HTTP/1.1 terms.
 */
public enum Http2ErrorCode {
  NO_ERROR(0x0, "graceful shutdown; not an error"),
  PROTOCOL_ERROR(0x1, "the peer considers the request malformed, like an HTTP/1.1 400 Bad Request without a body"),
  INTERNAL_ERROR(0x2, "the peer failed internally, like a 500"),
  FLOW_CONTROL_ERROR(0x3, "flow-control rules were broken"),
  SETTINGS_TIMEOUT(0x4, "SETTINGS were not acknowledged in time"),
  STREAM_CLOSED(0x5, "a frame arrived on a half-closed stream"),
  FRAME_SIZE_ERROR(0x6, "a frame had an invalid size"),
  REFUSED_STREAM(0x7, "the request was not processed at all; safe to retry, like a 503 before any work"),
  CANCEL(0x8, "the stream is no longer needed"),
  COMPRESSION_ERROR(0x9, "the header compression context broke"),
  CONNECT_ERROR(0xa, "a CONNECT tunnel failed"),
  ENHANCE_YOUR_CALM(0xb, "the peer thinks we are abusive, like a 429"),
  INADEQUATE_SECURITY(0xc, "the TLS parameters are not acceptable for HTTP/2"),
  HTTP_1_1_REQUIRED(0xd, "the server requires HTTP/1.1 for this request; a version signal");

  private final long code;
  private final String meaning;

  Http2ErrorCode(long code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public long code() {
    return code;
  }

  /** What the code means to a client, in one phrase. */
  public String meaning() {
    return meaning;
  }

  /** The code for a numeric value, or {@code null} for an unknown one. */
  public static Http2ErrorCode of(long code) {
    for (Http2ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }

  /** The name for a numeric value, or {@code UNKNOWN(0x..)}. */
  public static String nameOf(long code) {
    Http2ErrorCode c = of(code);
    return c != null ? c.name() : "UNKNOWN(0x" + Long.toHexString(code) + ")";
  }
}
