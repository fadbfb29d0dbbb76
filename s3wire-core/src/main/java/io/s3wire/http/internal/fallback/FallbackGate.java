package io.s3wire.http.internal.fallback;

import io.s3wire.error.ClientException;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpRequest;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that decides whether a failed HTTP/2 attempt is retried over HTTP/1.1 (ARCHITECTURE.md,
 * "Fallback, gated on evidence"). Both gates must hold:
 *
 * <ol>
 *   <li><b>Evidence</b> that the HTTP version is the problem: the server reset the stream (or sent
 *       GOAWAY) with HTTP_1_1_REQUIRED, which RFC 9113 section 7 defines as that signal; or it reset
 *       the stream with PROTOCOL_ERROR before any response headers on a connection that had not yet
 *       answered any request (so the connection itself never worked for this client).
 *   <li><b>Safety</b> to run the request twice: GET, HEAD, PUT (a whole object or a part) or DELETE,
 *       never a POST (CompleteMultipartUpload, DeleteObjects, ...); a replayable body; and the caller
 *       did not mark the request {@code notFallbackSafe}.
 * </ol>
 *
 * For HTTP/3 ({@link #decideHttp3}), a QUIC attempt that failed before the request went out (no
 * handshake in time, which is what blocked UDP looks like; an ICMP error; CONNECTION_CLOSE before any
 * stream) always goes over TCP instead: nothing was sent, so any request may go. A request that did
 * go out on HTTP/3 goes over TCP only under the two gates above, with the HTTP/3 codes read as their
 * HTTP/2 twins (H3_VERSION_FALLBACK as HTTP_1_1_REQUIRED, H3_MESSAGE_ERROR as PROTOCOL_ERROR).
 *
 * <p>Stateless and thread-safe.
 */
public final class FallbackGate {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE");

  /** The verdict and why, in words fit for a trace line or a test message. */
  public record Decision(boolean fallBack, String reason) {}

  private FallbackGate() {}

  /**
   * Decides for one failed attempt.
   *
   * @param freshConnection whether the connection the attempt used had received no response headers
   *     for any stream before this failure
   */
  public static Decision decide(HttpRequest request, S3Exception failure, boolean freshConnection) {
    if (!(failure instanceof StreamResetException reset)) {
      return new Decision(false, "not an HTTP/2 stream reset: " + failure.getClass().getSimpleName());
    }
    String evidence = evidence(reset, freshConnection);
    if (evidence == null) {
      return new Decision(false, "no version evidence in " + reset.getMessage()
          + (freshConnection ? "" : " (the connection had already answered requests)"));
    }
    String method = request.method().toUpperCase(Locale.ROOT);
    if (!SAFE_METHODS.contains(method)) {
      return new Decision(false, evidence + ", but " + method + " is not safe to repeat");
    }
    if (!request.options().fallbackSafe()) {
      return new Decision(false, evidence + ", but the caller marked the request not fallback-safe");
    }
    if (!request.body().isReplayable()) {
      return new Decision(false, evidence + ", but the request body is a one-shot stream that cannot be sent again");
    }
    return new Decision(true, evidence);
  }

  /**
   * Decides for one failed HTTP/3 attempt whether the request goes over TCP instead.
   *
   * @param requestSent whether the request's stream was opened (its HEADERS may have reached the
   *     server); {@code false} when the QUIC connection failed before that
   * @param freshConnection whether the QUIC connection had received no response headers before this
   *     failure
   */
  public static Decision decideHttp3(HttpRequest request, S3Exception failure, boolean requestSent, boolean freshConnection) {
    if (requestSent) {
      return decide(request, failure, freshConnection);
    }
    if (failure instanceof TransportException t && (t.kind() == TransportException.Kind.CALL_TIMEOUT
        || t.kind() == TransportException.Kind.CANCELLED)) {
      return new Decision(false, "the call ended (" + t.kind() + ") before HTTP/3 sent it");
    }
    if (failure instanceof ClientException) {
      return new Decision(false, "the request was refused before sending: " + failure.getMessage());
    }
    return new Decision(true, failure.getMessage() + " (before the request was sent)");
  }

  private static String evidence(StreamResetException reset, boolean freshConnection) {
    Http2ErrorCode code = reset.code();
    if (!reset.sentByPeer()) {
      return null;
    }
    if (code == Http2ErrorCode.HTTP_1_1_REQUIRED) {
      return (reset.isGoAway() ? "GOAWAY" : "RST_STREAM") + "(HTTP_1_1_REQUIRED) from the server";
    }
    if (code == Http2ErrorCode.PROTOCOL_ERROR && !reset.isGoAway() && !reset.afterResponseHeaders() && freshConnection) {
      return "RST_STREAM(PROTOCOL_ERROR) on stream " + reset.streamId()
          + " before any response, on a connection that had answered nothing yet";
    }
    return null;
  }
}
