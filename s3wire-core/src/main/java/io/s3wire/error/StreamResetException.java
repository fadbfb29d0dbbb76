package io.s3wire.error;

/**
 * An HTTP/2 stream ended by RST_STREAM, or by a GOAWAY that covers it. On HTTP/2 this is how a
 * server says "malformed request" (PROTOCOL_ERROR), "not processed" (REFUSED_STREAM) or "use
 * HTTP/1.1" (HTTP_1_1_REQUIRED), where HTTP/1.1 would answer with a status.
 *
 * <p>The same type carries the HTTP/3 twins: a QUIC RESET_STREAM with an H3 code ({@link
 * #http3Reset}) and a CONNECTION_CLOSE with one ({@link #http3ConnectionClose}). Their {@link
 * #code()} is the HTTP/2 twin ({@link Http3ErrorCode#http2Twin()}), so retry decisions are the same
 * on both versions; {@link #http3Code()} and {@link #errorCode()} keep the code as sent.
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
  /** True when the code is an HTTP/3 one, sent in a QUIC frame. */
  private final boolean http3;

  private StreamResetException(
      String message,
      RetrySafety safety,
      long errorCode,
      int streamId,
      boolean sentByPeer,
      boolean goAway,
      int lastStreamId,
      String debugData,
      boolean afterResponseHeaders,
      boolean http3) {
    super(message, safety, null);
    this.http3 = http3;
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
    return new StreamResetException(msg, safety, errorCode, streamId, sentByPeer, false, -1, "", afterResponseHeaders, false);
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
        msg, safety, errorCode, streamId, true, true, lastStreamId, debugData == null ? "" : debugData, afterResponseHeaders, false);
  }

  /**
   * A QUIC RESET_STREAM carrying an HTTP/3 code on {@code streamId}, the twin of {@link #rstStream}:
   * only H3_REQUEST_REJECTED makes it certain the server did not process the request.
   *
   * @param errorCode the frame's application error code, defined by RFC 9114 or not
   * @param streamId the QUIC stream it ended
   * @param sentByPeer {@code true} when the server sent it, {@code false} when this client reset the stream
   * @param afterResponseHeaders whether response headers had arrived on the stream before
   * @return the exception, without attempts
   */
  public static StreamResetException http3Reset(long errorCode, int streamId, boolean sentByPeer, boolean afterResponseHeaders) {
    RetrySafety safety = errorCode == Http3ErrorCode.H3_REQUEST_REJECTED.code() ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN;
    String msg = "HTTP/3 RESET_STREAM(" + Http3ErrorCode.nameOf(errorCode) + ") on stream " + streamId
        + (sentByPeer ? " from the server" : " sent by the client")
        + (afterResponseHeaders ? " after response headers" : " before any response");
    return new StreamResetException(msg, safety, errorCode, streamId, sentByPeer, false, -1, "", afterResponseHeaders, true);
  }

  /**
   * A QUIC CONNECTION_CLOSE from the server with an HTTP/3 code that ends {@code streamId}, the twin
   * of {@link #goAway}. QUIC's close names no last stream, so the request counts as unprocessed only
   * when an earlier HTTP/3 GOAWAY said so (its id at or below the stream's, RFC 9114 section 5.2).
   *
   * @param errorCode the frame's application error code, defined by RFC 9114 or not
   * @param streamId the QUIC stream it ended
   * @param goAwayId the id of the server's HTTP/3 GOAWAY, or -1 when none arrived
   * @param reason the frame's reason phrase, or {@code null} for none
   * @param afterResponseHeaders whether response headers had arrived on the stream before
   * @return the exception, without attempts
   */
  public static StreamResetException http3ConnectionClose(long errorCode, int streamId, int goAwayId, String reason,
      boolean afterResponseHeaders) {
    RetrySafety safety = goAwayId >= 0 && streamId >= goAwayId ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN;
    String msg = "HTTP/3 CONNECTION_CLOSE(" + Http3ErrorCode.nameOf(errorCode) + ") covering stream " + streamId
        + (reason == null || reason.isEmpty() ? "" : ", reason '" + reason + "'");
    return new StreamResetException(
        msg, safety, errorCode, streamId, true, true, goAwayId, reason == null ? "" : reason, afterResponseHeaders, true);
  }

  /**
   * Whether the frame was an HTTP/3 one (QUIC RESET_STREAM or CONNECTION_CLOSE).
   *
   * @return {@code true} for HTTP/3, {@code false} for HTTP/2
   */
  public boolean isHttp3() {
    return http3;
  }

  /**
   * The HTTP/3 error code typed.
   *
   * @return the constant, or {@code null} for HTTP/2 and for a code RFC 9114 does not define
   */
  public Http3ErrorCode http3Code() {
    return http3 ? Http3ErrorCode.of(errorCode) : null;
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
   * The error code typed; for HTTP/3, its HTTP/2 twin.
   *
   * @return the constant, or {@code null} for a code RFC 9113 (or RFC 9114) does not define
   */
  public Http2ErrorCode code() {
    if (http3) {
      Http3ErrorCode c = Http3ErrorCode.of(errorCode);
      return c == null ? null : c.http2Twin();
    }
    return Http2ErrorCode.of(errorCode);
  }

  /**
   * The error code's name, for messages.
   *
   * @return e.g. {@code PROTOCOL_ERROR}, or {@code UNKNOWN(0x..)} for an undefined code
   */
  public String errorName() {
    return http3 ? Http3ErrorCode.nameOf(errorCode) : Http2ErrorCode.nameOf(errorCode);
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
    String meaning = c == null ? "an error code " + (http3 ? "RFC 9114" : "RFC 9113") + " does not define"
        : (http3 ? "as HTTP/2's " + c.name() + ", " : "") + c.meaning();
    String more = "";
    if (c == Http2ErrorCode.PROTOCOL_ERROR && sentByPeer && !afterResponseHeaders) {
      more = " On HTTP/" + (http3 ? "3" : "2") + " a server reports a request it considers malformed this way, where HTTP/1.1 would answer"
          + " 400 Bad Request; a common cause is a header HTTP/2 forbids or restricts (host, connection,"
          + " transfer-encoding, upper-case names; RFC 9113 section 8.2).";
    } else if (c == Http2ErrorCode.HTTP_1_1_REQUIRED) {
      more = " Retry the request over HTTP/1.1 (RFC 9113 section 7).";
    }
    return getMessage() + ": " + meaning + "." + more + " Retry-safety: " + retrySafety() + ".";
  }
}
