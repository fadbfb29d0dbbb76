package io.s3wire.http.internal;

import io.s3wire.http.HttpRequest;
import java.util.Locale;

/** Where connections go: scheme, host and port. Connections are pooled per origin. */
record Origin(boolean tls, String host, int port) {
  static Origin of(HttpRequest request) {
    String host = request.uri().getHost();
    if (host == null) {
      host = request.uri().getRawAuthority();
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Origin(request.isTls(), host.toLowerCase(Locale.ROOT), request.port());
  }

  // equals and hashCode are written out: a record's generated ones are bootstrapped through method
  // handles on first use (a dozen classes spun at run time), and the first request looks up its pool.
  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && tls == other.tls && port == other.port && host.equals(other.host);
  }

  @Override
  public int hashCode() {
    return (Boolean.hashCode(tls) * 31 + host.hashCode()) * 31 + port;
  }

  @Override
  public String toString() {
    return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
