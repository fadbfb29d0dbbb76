package io.s3wire.http;

/** The HTTP version a request actually travelled on. */
public enum HttpProtocol {
  /** HTTP/1.1 (RFC 9112): one exchange at a time per connection. */
  HTTP_1_1("HTTP/1.1", "http/1.1"),
  /** HTTP/2 (RFC 9113): streams multiplexed over one connection; h2 over TLS, h2c over plain TCP. */
  HTTP_2("HTTP/2", "h2"),
  /** HTTP/3 (RFC 9114): streams multiplexed over one QUIC connection (RFC 9000), always encrypted. */
  HTTP_3("HTTP/3", "h3");

  private final String displayName;
  private final String alpnId;

  HttpProtocol(String displayName, String alpnId) {
    this.displayName = displayName;
    this.alpnId = alpnId;
  }

  /**
   * The ALPN protocol identifier (RFC 7301) of this version.
   *
   * @return {@code http/1.1}, {@code h2} or {@code h3}
   */
  public String alpnId() {
    return alpnId;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
