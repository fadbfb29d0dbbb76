package io.s3wire.http.internal;

import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicException;
import io.netty.handler.codec.quic.QuicTransportError;
import io.s3wire.error.Http3ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.error.TransportException.Kind;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/3 and QUIC failures as the same exceptions, kinds and retry-safety as their HTTP/2 twins
 * (docs/library.md, "HTTP/3", has the table). Every message names HTTP/3, so a failure under {@code
 * HTTP_3} says which version it was.
 */
final class Http3Failures {
  private static final String[] TRANSPORT_NAMES = {
    "NO_ERROR", "INTERNAL_ERROR", "CONNECTION_REFUSED", "FLOW_CONTROL_ERROR", "STREAM_LIMIT_ERROR", "STREAM_STATE_ERROR",
    "FINAL_SIZE_ERROR", "FRAME_ENCODING_ERROR", "TRANSPORT_PARAMETER_ERROR", "CONNECTION_ID_LIMIT_ERROR", "PROTOCOL_VIOLATION",
    "INVALID_TOKEN", "APPLICATION_ERROR", "CRYPTO_BUFFER_EXCEEDED", "KEY_UPDATE_ERROR", "AEAD_LIMIT_REACHED", "NO_VIABLE_PATH",
  };
  private static final long CONNECTION_REFUSED = 0x2;

  private Http3Failures() {}

  /** The name of a QUIC transport error code (RFC 9000 section 20.1); 0x100-0x1ff are TLS alerts. */
  static String transportName(long code) {
    if (code >= 0 && code < TRANSPORT_NAMES.length) {
      return TRANSPORT_NAMES[(int) code];
    }
    if (code >= 0x100 && code <= 0x1ff) {
      return "CRYPTO_ERROR(TLS alert " + (code - 0x100) + ")";
    }
    return "UNKNOWN(0x" + Long.toHexString(code) + ")";
  }

  /** The name of a CONNECTION_CLOSE's code: an HTTP/3 code for an application close, a QUIC one otherwise. */
  static String closeName(QuicConnectionCloseEvent e) {
    return e.isApplicationClose() ? Http3ErrorCode.nameOf(e.error()) : transportName(e.error());
  }

  static String reason(QuicConnectionCloseEvent e) {
    byte[] r = e.reason();
    return r == null || r.length == 0 ? null : new String(r, StandardCharsets.UTF_8);
  }

  /** A connection attempt that failed: as over TCP and TLS, with HTTP/3 named in the message. */
  static S3Exception connecting(Throwable t, Origin origin, long connectTimeoutMillis, long handshakeTimeoutMillis) {
    S3Exception e = Failures.connecting(t, origin, connectTimeoutMillis, handshakeTimeoutMillis);
    if (e instanceof TransportException x && !x.getMessage().startsWith("HTTP/3")) {
      Kind kind = x.kind() == Kind.CONNECTION_CLOSED && closedDuringHandshake(t) ? Kind.TLS_HANDSHAKE : x.kind();
      return new TransportException(kind, "HTTP/3 (QUIC) " + x.getMessage(), x.retrySafety(), x.getCause());
    }
    return e;
  }

  /** QUIC reports a refused handshake as the channel closing with the peer's CONNECTION_CLOSE (a TLS alert). */
  private static boolean closedDuringHandshake(Throwable t) {
    return t instanceof io.netty.handler.codec.quic.QuicClosedChannelException c && c.event() != null && c.event().isTlsError();
  }

  /**
   * A request stream that could not be opened on an established QUIC connection. Nothing of the
   * request was sent, so it is unprocessed and retryable, as HTTP/2's REFUSED_STREAM; and it is
   * not a connect failure, whatever Netty's exception says.
   *
   * @param connectionOpen whether the QUIC connection was still open when the stream failed
   */
  static TransportException streamNotOpened(Throwable t, Origin origin, boolean connectionOpen) {
    Throwable c = Failures.unwrap(t);
    String on = " on the QUIC connection to " + origin.host() + ":" + origin.port() + "; the request was not sent";
    if (c instanceof QuicException q && q.error() == QuicTransportError.STREAM_LIMIT_ERROR) {
      return new TransportException(Kind.IO, "HTTP/3: no request stream could be opened" + on
          + " (STREAM_LIMIT_ERROR: the server's stream credit was used up)", RetrySafety.UNPROCESSED, c);
    }
    if (!connectionOpen) {
      return new TransportException(Kind.CONNECTION_CLOSED, "HTTP/3: the connection closed before a request stream could be opened"
          + on, RetrySafety.UNPROCESSED, c);
    }
    return new TransportException(Kind.IO, "HTTP/3: no request stream could be opened" + on + " (" + Failures.oneLine(c) + ")",
        RetrySafety.UNPROCESSED, c);
  }

  /** The QUIC handshake did not finish in time: the twin of a TCP connect timeout, and often UDP being blocked. */
  static TransportException handshakeTimeout(Origin origin, long millis) {
    return new TransportException(Kind.CONNECT_TIMEOUT, "HTTP/3 (QUIC) connect timeout: no QUIC handshake with " + origin.host() + ":"
        + origin.port() + " within " + millis + " ms (is UDP to that port blocked?)", RetrySafety.UNPROCESSED, null);
  }

  /**
   * Why an unfinished stream ended when its QUIC connection closed.
   *
   * @param close the peer's CONNECTION_CLOSE, or {@code null} when none arrived
   * @param goAwayId the server's HTTP/3 GOAWAY id, or -1
   */
  static S3Exception closed(QuicConnectionCloseEvent close, boolean timedOut, long idleMillis, int streamId, int goAwayId,
      boolean afterHeaders) {
    boolean unprocessed = goAwayId >= 0 && streamId >= goAwayId;
    if (close != null && close.isApplicationClose() && close.error() != Http3ErrorCode.H3_NO_ERROR.code()) {
      return StreamResetException.http3ConnectionClose(close.error(), streamId, goAwayId, reason(close), afterHeaders);
    }
    if (close != null && !close.isApplicationClose() && close.error() == CONNECTION_REFUSED) {
      return new TransportException(Kind.CONNECTION_REFUSED, "HTTP/3 (QUIC) connection refused: CONNECTION_CLOSE(CONNECTION_REFUSED)"
          + " from the server", RetrySafety.UNPROCESSED, null);
    }
    if (close != null && !close.isApplicationClose() && close.error() != 0) {
      String why = reason(close);
      return new TransportException(Kind.PROTOCOL_VIOLATION, "HTTP/3 (QUIC) connection error: CONNECTION_CLOSE("
          + transportName(close.error()) + ") from the server" + (why == null ? "" : ", reason '" + why + "'") + " on stream " + streamId,
          unprocessed ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN, null);
    }
    if (close == null && timedOut) {
      return new TransportException(Kind.IDLE_READ_TIMEOUT, "HTTP/3 (QUIC) idle timeout: no packet from the server for "
          + idleMillis + " ms; the connection is gone (stream " + streamId + ")", unprocessed ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN, null);
    }
    return Failures.closed("HTTP/3 connection closed by the server " + (afterHeaders ? "during the response body" : "before the response")
        + " on stream " + streamId, unprocessed ? RetrySafety.UNPROCESSED : afterHeaders ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN);
  }

  /** A QUIC RESET_STREAM from the server. */
  static StreamResetException reset(long code, int streamId, boolean afterHeaders) {
    return StreamResetException.http3Reset(code, streamId, true, afterHeaders);
  }
}
