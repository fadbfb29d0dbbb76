package io.s3wire.error;

/**
 * An HTTP/2 stream ended by RST_STREAM, or by a GOAWAY that covers it. On HTTP/2 this is how a
 * server says "malformed request" (PROTOCOL_ERROR), "not processed" (REFUSED_STREAM) or "use
 * HTTP/1.1" (HTTP_1_1_REQUIRED), where HTTP/1.1 would answer with a status.
 */
public final class StreamResetException extends S3Exception {
  private final long errorCode;
  private final int streamId;
  private final boolean sentByPeer;
  private final boolean goAway;
  private final int lastStreamId;
  private final String debugData;
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

  /** A RST_STREAM on {@code streamId}. */
  public static StreamResetException rstStream(long errorCode, int streamId, boolean sentByPeer, boolean afterResponseHeaders) {
    RetrySafety safety = errorCode == Http2ErrorCode.REFUSED_STREAM.code() ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN;
    String msg = "RST_STREAM(" + Http2ErrorCode.nameOf(errorCode) + ") on stream " + streamId
        + (sentByPeer ? " from the server" : " sent by the client")
        + (afterResponseHeaders ? " after response headers" : " before any response");
    return new StreamResetException(msg, safety, errorCode, streamId, sentByPeer, false, -1, "", afterResponseHeaders);
  }

  /** A GOAWAY that ends {@code streamId}; streams above {@code lastStreamId} were not processed. */
  public static StreamResetException goAway(long errorCode, int streamId, int lastStreamId, String debugData, boolean afterResponseHeaders) {
    RetrySafety safety = streamId > lastStreamId ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN;
    String msg = "GOAWAY(" + Http2ErrorCode.nameOf(errorCode) + ", last-stream-id " + lastStreamId + ") covering stream "
        + streamId + (debugData == null || debugData.isEmpty() ? "" : ", debug data '" + debugData + "'");
    return new StreamResetException(
        msg, safety, errorCode, streamId, true, true, lastStreamId, debugData == null ? "" : debugData, afterResponseHeaders);
  }

  public long errorCode() {
    return errorCode;
  }

  /** The error code, or {@code null} for a code RFC 9113 does not define. */
  public Http2ErrorCode code() {
    return Http2ErrorCode.of(errorCode);
  }

  public String errorName() {
    return Http2ErrorCode.nameOf(errorCode);
  }

  public int streamId() {
    return streamId;
  }

  public boolean sentByPeer() {
    return sentByPeer;
  }

  public boolean isGoAway() {
    return goAway;
  }

  /** GOAWAY's last-stream-id, or -1 for a RST_STREAM. */
  public int lastStreamId() {
    return lastStreamId;
  }

  public String debugData() {
    return debugData;
  }

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
