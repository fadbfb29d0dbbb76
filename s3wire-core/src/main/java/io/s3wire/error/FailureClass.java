package io.s3wire.error;

/**
 * What a failure means, whatever HTTP version reported it: the notion the exception kinds share
 * across versions. An HTTP/1.1 {@code 400 Bad Request} and an HTTP/2 {@code RST_STREAM(PROTOCOL_ERROR)}
 * before any response are both {@link #MALFORMED_REQUEST}, though the first arrives as a
 * {@link ServiceException} and the second as a {@link StreamResetException}.
 */
public enum FailureClass {
  /** HTTP/1.1 400; HTTP/2 RST_STREAM or GOAWAY with PROTOCOL_ERROR from the server before any response. */
  MALFORMED_REQUEST,
  /** HTTP/2 REFUSED_STREAM, or a stream above GOAWAY's last-stream-id: certainly not processed, safe to retry. */
  NOT_PROCESSED,
  /** HTTP/2 HTTP_1_1_REQUIRED; HTTP/1.1 505: the server wants another HTTP version. */
  HTTP_VERSION_REQUIRED,
  /** 401 or 403. */
  AUTHENTICATION,
  /** 429, 503, SlowDown; HTTP/2 ENHANCE_YOUR_CALM. */
  THROTTLED,
  /** 500, 502, 504; HTTP/2 INTERNAL_ERROR. */
  SERVER_ERROR,
  /** Any other 4xx (404, 409, 412, ...). */
  CLIENT_ERROR,
  /** Connecting, TLS, timeouts, a connection that closed. */
  TRANSPORT,
  /** Invalid input found before anything was sent. */
  INVALID_INPUT,
  /** Anything else (e.g. an HTTP/2 reset sent by the client itself, CANCEL). */
  OTHER;

  /**
   * The class of {@code e}; the one place this mapping lives.
   *
   * @param e a failure of any kind, not {@code null}
   * @return its class, never {@code null}
   */
  public static FailureClass of(S3Exception e) {
    if (e instanceof ClientException) {
      return INVALID_INPUT;
    }
    if (e instanceof TransportException) {
      return TRANSPORT;
    }
    if (e instanceof ServiceException s) {
      int st = s.status();
      if (st == 400) {
        return MALFORMED_REQUEST;
      }
      if (st == 401 || st == 403) {
        return AUTHENTICATION;
      }
      if (st == 429 || st == 503 || "SlowDown".equals(s.errorCode())) {
        return THROTTLED;
      }
      if (st == 505) {
        return HTTP_VERSION_REQUIRED;
      }
      return st >= 500 ? SERVER_ERROR : st >= 400 ? CLIENT_ERROR : OTHER;
    }
    StreamResetException r = (StreamResetException) e;
    if (r.retrySafety() == RetrySafety.UNPROCESSED) {
      return NOT_PROCESSED;
    }
    Http2ErrorCode code = r.code();
    if (code == Http2ErrorCode.HTTP_1_1_REQUIRED) {
      return HTTP_VERSION_REQUIRED;
    }
    if (!r.sentByPeer()) {
      return OTHER;
    }
    if (code == Http2ErrorCode.PROTOCOL_ERROR && !r.afterResponseHeaders()) {
      return MALFORMED_REQUEST;
    }
    if (code == Http2ErrorCode.ENHANCE_YOUR_CALM) {
      return THROTTLED;
    }
    if (code == Http2ErrorCode.INTERNAL_ERROR) {
      return SERVER_ERROR;
    }
    return OTHER;
  }
}
