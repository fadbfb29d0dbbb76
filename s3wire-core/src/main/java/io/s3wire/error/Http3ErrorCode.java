package io.s3wire.error;

/**
 * HTTP/3 error codes (RFC 9114 section 8.1, RFC 9204 section 6) with their HTTP/2 twins.
 *
 * <p>An HTTP/3 stream reset or connection close carries one of these where HTTP/2 would carry an
 * {@link Http2ErrorCode}. Each maps to the HTTP/2 code with the same meaning (RFC 9114 appendix
 * A.4), so a failure is classified, and judged safe to retry or not, the same way whichever version
 * carried it: H3_REQUEST_REJECTED is REFUSED_STREAM, H3_MESSAGE_ERROR is PROTOCOL_ERROR.
 */
public enum Http3ErrorCode {
  /** Code 0x100: no error; a graceful close. */
  H3_NO_ERROR(0x100, Http2ErrorCode.NO_ERROR),
  /** Code 0x101: a protocol error with no more specific code. */
  H3_GENERAL_PROTOCOL_ERROR(0x101, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x102: the peer failed internally, like a 500. */
  H3_INTERNAL_ERROR(0x102, Http2ErrorCode.INTERNAL_ERROR),
  /** Code 0x103: a stream was opened that the peer does not accept. */
  H3_STREAM_CREATION_ERROR(0x103, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x104: a stream the connection needs (control, QPACK) was closed. */
  H3_CLOSED_CRITICAL_STREAM(0x104, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x105: a frame arrived where it is not allowed. */
  H3_FRAME_UNEXPECTED(0x105, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x106: a frame was malformed or had an invalid size. */
  H3_FRAME_ERROR(0x106, Http2ErrorCode.FRAME_SIZE_ERROR),
  /** Code 0x107: the peer thinks we are abusive, like a 429. */
  H3_EXCESSIVE_LOAD(0x107, Http2ErrorCode.ENHANCE_YOUR_CALM),
  /** Code 0x108: a stream or push id was used wrongly. */
  H3_ID_ERROR(0x108, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x109: a SETTINGS frame was invalid. */
  H3_SETTINGS_ERROR(0x109, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x10a: no SETTINGS frame opened the control stream. */
  H3_MISSING_SETTINGS(0x10a, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x10b: the request was not processed at all; safe to retry, like REFUSED_STREAM. */
  H3_REQUEST_REJECTED(0x10b, Http2ErrorCode.REFUSED_STREAM),
  /** Code 0x10c: the request or its response was cancelled, like CANCEL. */
  H3_REQUEST_CANCELLED(0x10c, Http2ErrorCode.CANCEL),
  /** Code 0x10d: the stream ended before the request was complete. */
  H3_REQUEST_INCOMPLETE(0x10d, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x10e: the peer considers the message malformed, like PROTOCOL_ERROR before a response. */
  H3_MESSAGE_ERROR(0x10e, Http2ErrorCode.PROTOCOL_ERROR),
  /** Code 0x10f: a CONNECT tunnel failed. */
  H3_CONNECT_ERROR(0x10f, Http2ErrorCode.CONNECT_ERROR),
  /** Code 0x110: the server requires an earlier HTTP version for this request, like HTTP_1_1_REQUIRED. */
  H3_VERSION_FALLBACK(0x110, Http2ErrorCode.HTTP_1_1_REQUIRED),
  /** Code 0x200: a QPACK field section could not be decoded, like COMPRESSION_ERROR. */
  QPACK_DECOMPRESSION_FAILED(0x200, Http2ErrorCode.COMPRESSION_ERROR),
  /** Code 0x201: the QPACK encoder stream broke, like COMPRESSION_ERROR. */
  QPACK_ENCODER_STREAM_ERROR(0x201, Http2ErrorCode.COMPRESSION_ERROR),
  /** Code 0x202: the QPACK decoder stream broke, like COMPRESSION_ERROR. */
  QPACK_DECODER_STREAM_ERROR(0x202, Http2ErrorCode.COMPRESSION_ERROR);

  private final long code;
  private final Http2ErrorCode http2Twin;

  Http3ErrorCode(long code, Http2ErrorCode http2Twin) {
    this.code = code;
    this.http2Twin = http2Twin;
  }

  /**
   * The numeric value sent in RESET_STREAM, STOP_SENDING and CONNECTION_CLOSE frames.
   *
   * @return the 62-bit code
   */
  public long code() {
    return code;
  }

  /**
   * The HTTP/2 code with the same meaning, which decides classification and retry-safety.
   *
   * @return never {@code null}
   */
  public Http2ErrorCode http2Twin() {
    return http2Twin;
  }

  /**
   * The code for a numeric value.
   *
   * @param code the value from a RESET_STREAM, STOP_SENDING or CONNECTION_CLOSE frame
   * @return the matching constant, or {@code null} for a code RFC 9114 and RFC 9204 do not define
   */
  public static Http3ErrorCode of(long code) {
    for (Http3ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }

  /**
   * The name for a numeric value, for messages.
   *
   * @param code the value from a frame
   * @return the constant's name, or {@code UNKNOWN(0x..)} with the value in hex
   */
  public static String nameOf(long code) {
    Http3ErrorCode c = of(code);
    return c != null ? c.name() : "UNKNOWN(0x" + Long.toHexString(code) + ")";
  }
}
