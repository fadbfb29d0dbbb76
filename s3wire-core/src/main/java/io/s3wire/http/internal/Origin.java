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

  @Override
  public String toString() {
    return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
