package io.s3wire.http;

/** The HTTP version a request actually travelled on. */
public enum HttpProtocol {
  HTTP_1_1("HTTP/1.1", "http/1.1"),
  HTTP_2("HTTP/2", "h2");

  private final String displayName;
  private final String alpnId;

  HttpProtocol(String displayName, String alpnId) {
    this.displayName = displayName;
    this.alpnId = alpnId;
  }

  /** The ALPN protocol identifier (RFC 7301): {@code http/1.1} or {@code h2}. */
  public String alpnId() {
    return alpnId;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
