package io.s3wire.error;

/** A failure below HTTP semantics: connecting, TLS, timeouts, a connection that closed. */
public final class TransportException extends S3Exception {
  /** What kind of transport failure this is. */
  public enum Kind {
    /** Nothing accepted the TCP connection, or a firewall refused it. */
    CONNECTION_REFUSED(true),
    /** The host name did not resolve. */
    UNKNOWN_HOST(false),
    /** The TLS handshake failed: no shared protocol version or cipher, or an alert from the server. */
    TLS_HANDSHAKE(false),
    /** The server's certificate chain does not lead to a trusted CA. */
    UNTRUSTED_CERTIFICATE(false),
    /** The server's certificate does not name the host connected to. */
    HOSTNAME_MISMATCH(false),
    /** The server selected no protocol the policy accepts (e.g. HTTP/2 required, server chose http/1.1). */
    ALPN_MISMATCH(false),
    /** The connection (TCP, or QUIC for HTTP/3) was not established within the connect timeout. */
    CONNECT_TIMEOUT(true),
    /** The TLS handshake did not finish within its timeout. */
    TLS_HANDSHAKE_TIMEOUT(true),
    /** The response headers did not arrive within their timeout after the request was sent. */
    RESPONSE_HEADERS_TIMEOUT(true),
    /** No data arrived for longer than the idle read timeout. */
    IDLE_READ_TIMEOUT(true),
    /** The whole call, retries included, outlived its deadline; not retried, as the time is spent. */
    CALL_TIMEOUT(false),
    /** The connection closed before the response was complete. */
    CONNECTION_CLOSED(true),
    /** The server broke the protocol (oversized headers, a malformed frame, too many control frames). */
    PROTOCOL_VIOLATION(false),
    /** The caller cancelled the call. */
    CANCELLED(false),
    /** Any other I/O error that ended the exchange. */
    IO(true);

    private final boolean transientByNature;

    Kind(boolean transientByNature) {
      this.transientByNature = transientByNature;
    }

    boolean transientByNature() {
      return transientByNature;
    }
  }

  /** What kind of failure this is; decides, with the retry-safety, whether it is retryable. */
  private final Kind kind;

  /**
   * Creates the failure; the transport that saw it adds the attempt.
   *
   * @param kind what kind of failure this is
   * @param message what failed, naming the host or timeout, without secrets
   * @param retrySafety whether the server may have processed the request (e.g. {@link
   *     RetrySafety#UNPROCESSED} when the connection was never made)
   * @param cause the underlying exception (Netty's, the JDK's), or {@code null}
   */
  public TransportException(Kind kind, String message, RetrySafety retrySafety, Throwable cause) {
    super(message, retrySafety, cause);
    this.kind = kind;
  }

  /**
   * What kind of transport failure this is, for handling one kind differently.
   *
   * @return never {@code null}
   */
  public Kind kind() {
    return kind;
  }

  @Override
  public boolean isRetryable() {
    return kind.transientByNature() && retrySafety() != RetrySafety.PROCESSED;
  }

  @Override
  public String explain() {
    String what = switch (kind) {
      case CONNECTION_REFUSED -> "Nothing is listening at that address, or a firewall refused the connection.";
      case UNKNOWN_HOST -> "The host name does not resolve; check the endpoint.";
      case TLS_HANDSHAKE -> "The TLS handshake failed; the server and client share no protocol version or cipher, or the server sent an alert.";
      case UNTRUSTED_CERTIFICATE -> "The server's certificate is not trusted: give its CA with --ca (a PEM bundle), or use --insecure only for a test server you control.";
      case HOSTNAME_MISMATCH -> "The server's certificate does not name the host we connected to: use the host name the certificate names.";
      case ALPN_MISMATCH -> "The server did not select an HTTP version this policy accepts in ALPN (RFC 7301): allow HTTP/1.1, or offer h2.";
      case CONNECT_TIMEOUT -> "The connection was not established in time (over HTTP/3: no QUIC handshake, often UDP blocked on the way).";
      case TLS_HANDSHAKE_TIMEOUT -> "The TLS handshake did not finish in time.";
      case RESPONSE_HEADERS_TIMEOUT -> "The server did not send response headers in time.";
      case IDLE_READ_TIMEOUT -> "The server stopped sending data for longer than the idle read timeout.";
      case CALL_TIMEOUT -> "The whole call took longer than its deadline.";
      case CONNECTION_CLOSED -> "The connection closed before the response was complete.";
      case PROTOCOL_VIOLATION -> "The server broke the HTTP protocol, so the client stopped.";
      case CANCELLED -> "The call was cancelled.";
      case IO -> "An I/O error ended the exchange.";
    };
    return getMessage() + ". " + what + " Retry-safety: " + retrySafety() + ".";
  }
}
