package io.s3wire.http;

/**
 * How a connection chooses its HTTP version.
 *
 * <p>Over TLS, ALPN decides: the policy sets what the client offers and what it accepts. Over plain
 * TCP there is no negotiation: HTTP/1.1, or HTTP/2 with prior knowledge (h2c). HTTP/3 runs over
 * QUIC (UDP), a different connection altogether: chosen explicitly ({@link #HTTP_3}), or where the
 * origin advertises it ({@link #NEGOTIATE_WITH_HTTP3}).
 */
public enum HttpVersionPolicy {
  /** HTTP/1.1 only. Over TLS, ALPN offers {@code http/1.1} (unless the offer is set explicitly). */
  HTTP_1_1,
  /**
   * HTTP/2 only. Over TLS, ALPN must select {@code h2}, else the connection fails with an error
   * naming what the server chose; over plain TCP, h2c with prior knowledge.
   */
  HTTP_2,
  /** ALPN offers {@code h2, http/1.1} and the server chooses; plain TCP speaks HTTP/1.1. */
  NEGOTIATE,
  /**
   * As {@link #NEGOTIATE}, and a request the server refuses over HTTP/2 in a way that is evidence of
   * a version problem is retried once over HTTP/1.1 (see docs/architecture.md, "Fallback, gated on
   * evidence"). The default.
   */
  NEGOTIATE_WITH_FALLBACK,
  /**
   * HTTP/3 only, over QUIC with ALPN {@code h3} (https origins only). No fallback: a QUIC connection
   * that cannot be made (UDP blocked, handshake refused) fails the call with an error that names
   * HTTP/3 and the reason.
   */
  HTTP_3,
  /**
   * As {@link #NEGOTIATE_WITH_FALLBACK} over TCP, and HTTP/3 where the origin advertised it: an https
   * origin's {@code Alt-Svc: h3=":PORT"} (same host; {@code ma} seconds, 24 hours by default) sends
   * new requests to that origin over QUIC at that UDP port while the advertisement is fresh; {@code
   * Alt-Svc: clear} ends it. A QUIC attempt that fails before the request is sent (UDP blocked, an
   * unreachable port, CONNECTION_CLOSE) sends the request over TCP instead, keeps the origin off
   * HTTP/3 for five minutes and reports a {@code Fallback} wire event; a request already sent on
   * HTTP/3 goes over TCP only under the HTTP/2 fallback's evidence and safety rules. The QUIC
   * handshake gets at most one second (less when the connect and TLS handshake timeouts are shorter),
   * so a blocked UDP port costs that once per origin.
   */
  NEGOTIATE_WITH_HTTP3;

  /**
   * Whether this policy may put a request on an HTTP/2 connection.
   *
   * @return {@code false} for {@link #HTTP_1_1} and {@link #HTTP_3}
   */
  public boolean allowsHttp2() {
    return this != HTTP_1_1 && this != HTTP_3;
  }

  /**
   * Whether this policy may put a request on an HTTP/1.1 connection.
   *
   * @return {@code false} for {@link #HTTP_2} and {@link #HTTP_3}
   */
  public boolean allowsHttp1() {
    return this != HTTP_2 && this != HTTP_3;
  }

  /**
   * Whether this policy puts every request on HTTP/3 (QUIC) connections.
   *
   * @return {@code true} only for {@link #HTTP_3}
   */
  public boolean usesHttp3() {
    return this == HTTP_3;
  }

  /**
   * Whether this policy moves to HTTP/3 where an origin advertises it with {@code Alt-Svc}.
   *
   * @return {@code true} only for {@link #NEGOTIATE_WITH_HTTP3}
   */
  public boolean followsAltSvc() {
    return this == NEGOTIATE_WITH_HTTP3;
  }
}
