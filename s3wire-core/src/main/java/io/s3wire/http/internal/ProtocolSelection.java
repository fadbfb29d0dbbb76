package io.s3wire.http.internal;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpVersionPolicy;

/**
 * The decisions about which HTTP version a connection speaks. Under {@code NEGOTIATE_WITH_HTTP3} a TCP
 * connection negotiates as under {@code NEGOTIATE_WITH_FALLBACK}; its HTTP/3 connections come from a
 * transport of policy {@code HTTP_3} ({@code fallback.Http3UpgradeTransport}), which also decides the
 * fallbacks with {@code fallback.FallbackGate}.
 */
final class ProtocolSelection {
  private ProtocolSelection() {}

  /** The version a plain-TCP connection speaks: h2c with prior knowledge for HTTP_2, else HTTP/1.1. */
  static HttpProtocol forPlain(HttpVersionPolicy policy) {
    return policy == HttpVersionPolicy.HTTP_2 ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1;
  }

  /**
   * The version known before connecting, or {@code null} when only the TLS handshake (ALPN) can
   * tell.
   */
  static HttpProtocol beforeHandshake(HttpVersionPolicy policy, boolean tls) {
    if (policy == HttpVersionPolicy.HTTP_3) {
      // QUIC is always encrypted; Http3Connector refuses a plain origin with the reason.
      return HttpProtocol.HTTP_3;
    }
    if (!tls) {
      return forPlain(policy);
    }
    return switch (policy) {
      case HTTP_1_1 -> HttpProtocol.HTTP_1_1;
      case HTTP_2 -> HttpProtocol.HTTP_2;
      case NEGOTIATE, NEGOTIATE_WITH_FALLBACK, NEGOTIATE_WITH_HTTP3 -> null;
      case HTTP_3 -> HttpProtocol.HTTP_3;
    };
  }

  /**
   * The version a TLS connection speaks given what ALPN selected ({@code null}: no protocol).
   *
   * @throws TransportException ALPN_MISMATCH naming what the server chose when the policy cannot
   *     accept it
   */
  static HttpProtocol afterAlpn(HttpVersionPolicy policy, String selected) {
    boolean h2 = "h2".equals(selected);
    boolean h1 = selected == null || "http/1.1".equals(selected);
    if (h2 && policy.allowsHttp2()) {
      return HttpProtocol.HTTP_2;
    }
    if (h1 && policy.allowsHttp1()) {
      return HttpProtocol.HTTP_1_1;
    }
    String chose = selected == null ? "no protocol (no ALPN answer, which means HTTP/1.1)" : "'" + selected + "'";
    String needs = switch (policy) {
      case HTTP_2 -> "h2";
      case HTTP_1_1 -> "http/1.1";
      case NEGOTIATE, NEGOTIATE_WITH_FALLBACK, NEGOTIATE_WITH_HTTP3 -> "h2 or http/1.1";
      case HTTP_3 -> "h3";
    };
    throw new TransportException(TransportException.Kind.ALPN_MISMATCH,
        "ALPN: the server selected " + chose + " but version policy " + policy + " needs " + needs,
        RetrySafety.UNPROCESSED, null);
  }
}
