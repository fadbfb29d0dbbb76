package io.s3wire.error;

/**
 * An HTTP/2 stream ended by RST_STREAM, or by a GOAWAY that covers it. On HTTP/2 this is how a
 * server says "malformed request" (PROTOCOL_ERROR), "not processed" (REFUSED_STREAM) or "use
 * HTTP/1.1" (HTTP_1_1_REQUIRED), where HTTP/1.1 would answer with a status.
 */
public final class StreamResetException extends S3Exception {
  /** The numeric HTTP/2 error code, kept raw so an undefined one survives. */
  private final long errorCode;
  /** The stream that was ended. */
  private final int streamId;
  /** True when the server sent the frame, false when this client did. */
  private final boolean sentByPeer;
  /** True for a GOAWAY, false for a RST_STREAM. */
  private final boolean goAway;
  /** GOAWAY's last-stream-id; -1 for a RST_STREAM. */
  private final int lastStreamId;
  /** GOAWAY's debug data as text; empty when none. */
  private final String debugData;
  /** True when response headers had arrived on the stream before it ended. */
  private final boolean afterResponseHeaders;

  private StreamResetException(
      String message,
      RetrySafety safety,
      long errorCode,
      int streamId,
      boolean sentByPeer,
      boolean goAway,
      int lastStreamId,
      String debugData,
      boolean afterResponseHeaders) {
    super(message, safety, null);
    this.errorCode = errorCode;
    this.streamId = streamId;
    this.sentByPeer = sentByPeer;
    this.goAway = goAway;
    this.lastStreamId = lastStreamId;
    this.debugData = debugData;
    this.afterResponseHeaders = afterResponseHeaders;
  }

  /**
   * A RST_STREAM on {@code streamId}. Only REFUSED_STREAM makes it certain the server did not process the request.
   *
   * @param errorCode the frame's error code, defined by RFC 9113 or not
   * @param streamId the stream it ended
   * @param sentByPeer {@code true} when the server sent it, {@code false} when this client reset the stream
   * @param afterResponseHeaders whether response headers had arrived on the stream before
   * @return the exception, without attempts
   */
  public static StreamResetException rstStream(long errorCode, int streamId, boolean sentByPeer, boolean afterResponseHeaders) {
    RetrySafety safety = errorCode == Http2ErrorCode.REFUSED_STREAM.code() ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN;
    String msg = "RST_STREAM(" + Http2ErrorCode.nameOf(errorCode) + ") on stream " + streamId
        + (sentByPeer ? " from the server" : " sent by the client")
        + (afterResponseHeaders ? " after response headers" : " before any response");
    return new StreamResetException(msg, safety, errorCode, streamId, sentByPeer, false, -1, "", afterResponseHeaders);
  }

  /**
   * A GOAWAY from the server that ends {@code streamId}; streams above {@code lastStreamId} were not processed.
   *
   * @param errorCode the frame's error code, defined by RFC 9113 or not
   * @param streamId the stream it ended
   * @param lastStreamId the frame's last-stream-id: the highest stream the server may have processed
   * @param debugData the frame's debug data as text, or {@code null} for none
   * @param afterResponseHeaders whether response headers had arrived on the stream before
   * @return the exception, without attempts
   */
  public static StreamResetException goAway(long errorCode, int streamId, int lastStreamId, String debugData, boolean afterResponseHeaders) {
    RetrySafety safety = streamId > lastStreamId ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN;
    String msg = "GOAWAY(" + Http2ErrorCode.nameOf(errorCode) + ", last-stream-id " + lastStreamId + ") covering stream "
        + streamId + (debugData == null || debugData.isEmpty() ? "" : ", debug data '" + debugData + "'");
    return new StreamResetException(
        msg, safety, errorCode, streamId, true, true, lastStreamId, debugData == null ? "" : debugData, afterResponseHeaders);
  }

  /**
   * The numeric error code of the frame, also when RFC 9113 does not define it.
   *
   * @return the 32-bit code as a non-negative {@code long}
   */
  public long errorCode() {
    return errorCode;
  }

  /**
   * The error code typed.
   *
   * @return the constant, or {@code null} for a code RFC 9113 does not define
   */
  public Http2ErrorCode code() {
    return Http2ErrorCode.of(errorCode);
  }

  /**
   * The error code's name, for messages.
   *
   * @return e.g. {@code PROTOCOL_ERROR}, or {@code UNKNOWN(0x..)} for an undefined code
   */
  public String errorName() {
    return Http2ErrorCode.nameOf(errorCode);
  }

  /**
   * The HTTP/2 stream the request was sent on.
   *
   * @return the stream id (odd: streams are opened by the client)
   */
  public int streamId() {
    return streamId;
  }

  /**
   * Who ended the stream: a reset this client sent (e.g. CANCEL) says nothing about the server.
   *
   * @return {@code true} when the server sent the frame
   */
  public boolean sentByPeer() {
    return sentByPeer;
  }

  /**
   * Whether a GOAWAY for the whole connection ended the stream, rather than a RST_STREAM for it alone.
   *
   * @return {@code true} for a GOAWAY
   */
  public boolean isGoAway() {
    return goAway;
  }

  /**
   * GOAWAY's last-stream-id: streams above it were certainly not processed.
   *
   * @return the id, or -1 for a RST_STREAM
   */
  public int lastStreamId() {
    return lastStreamId;
  }

  /**
   * GOAWAY's debug data, which some servers fill with a reason in words.
   *
   * @return the data as text; empty for none and for a RST_STREAM, never {@code null}
   */
  public String debugData() {
    return debugData;
  }

  /**
   * Whether the response had begun: a PROTOCOL_ERROR before any response means a malformed request.
   *
   * @return {@code true} when response headers had arrived before the stream ended
   */
  public boolean afterResponseHeaders() {
    return afterResponseHeaders;
  }

  @Override
  public boolean isRetryable() {
    if (retrySafety() == RetrySafety.UNPROCESSED) {
      return true;
    }
    Http2ErrorCode c = code();
    return c == Http2ErrorCode.INTERNAL_ERROR || c == Http2ErrorCode.ENHANCE_YOUR_CALM;
  }

  @Override
  public String explain() {
    Http2ErrorCode c = code();
    String meaning = c == null ? "an error code RFC 9113 does not define" : c.meaning();
    String more = "";
    if (c == Http2ErrorCode.PROTOCOL_ERROR && sentByPeer && !afterResponseHeaders) {
      more = " On HTTP/2 a server reports a request it considers malformed this way, where HTTP/1.1 would answer"
          + " 400 Bad Request; a common cause is a header HTTP/2 forbids or restricts (host, connection,"
          + " transfer-encoding, upper-case names; RFC 9113 section 8.2).";
    } else if (c == Http2ErrorCode.HTTP_1_1_REQUIRED) {
      more = " Retry the request over HTTP/1.1 (RFC 9113 section 7).";
    }
    return getMessage() + ": " + meaning + "." + more + " Retry-safety: " + retrySafety() + ".";
  }
}
