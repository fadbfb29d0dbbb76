package io.s3wire.http.internal;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.error.TransportException.Kind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what Netty and the JDK throw into typed, one-line {@link S3Exception}s. */
final class Failures {
  private Failures() {}

  /** A failure while connecting or handshaking with {@code origin}: nothing of the request was sent. */
  static S3Exception connecting(Throwable t, Origin origin, long connectTimeoutMillis, long handshakeTimeoutMillis) {
    if (t instanceof S3Exception s) {
      return s;
    }
    Throwable c = unwrap(t);
    String at = origin.host() + ":" + origin.port();
    if (c instanceof ConnectTimeoutException) {
      return tx(Kind.CONNECT_TIMEOUT, "connect timeout: no TCP connection to " + at + " within " + connectTimeoutMillis + " ms", c);
    }
    if (c instanceof ConnectException) {
      return tx(Kind.CONNECTION_REFUSED, "connection refused by " + at, c);
    }
    if (c instanceof UnknownHostException) {
      return tx(Kind.UNKNOWN_HOST, "unknown host: " + origin.host() + " does not resolve", c);
    }
    if (c instanceof SslHandshakeTimeoutException) {
      return tx(Kind.TLS_HANDSHAKE_TIMEOUT,
          "TLS handshake timeout: " + at + " did not complete the handshake within " + handshakeTimeoutMillis + " ms", c);
    }
    if (c instanceof SSLException) {
      return tls(c, at);
    }
    if (c instanceof ClosedChannelException || isClosed(c)) {
      return tx(Kind.CONNECTION_CLOSED, "connection to " + at + " closed during setup", c);
    }
    return tx(Kind.IO, "cannot connect to " + at + ": " + oneLine(c), c);
  }

  /** A TLS failure: untrusted certificate, hostname mismatch, or the alert / reason. */
  static TransportException tls(Throwable ssl, String at) {
    for (Throwable x = ssl; x != null; x = x.getCause()) {
      String m = String.valueOf(x.getMessage()).toLowerCase(Locale.ROOT);
      if (x instanceof CertificateException
          && (m.contains("no subject alternative") || m.contains("no name matching") || m.contains("hostname"))) {
        return tx(Kind.HOSTNAME_MISMATCH, "TLS: the certificate of " + at + " does not match the host name (" + oneLine(x) + ")", ssl);
      }
      if (x instanceof CertPathBuilderException || x instanceof CertPathValidatorException
          || m.contains("unable to find valid certification path") || m.contains("certificate_unknown")
          || m.contains("unknown_ca") || m.contains("self-signed") || m.contains("self signed")) {
        return tx(Kind.UNTRUSTED_CERTIFICATE, "TLS: the certificate of " + at + " is not trusted (" + oneLine(x) + ")", ssl);
      }
    }
    return tx(Kind.TLS_HANDSHAKE, "TLS handshake with " + at + " failed: " + oneLine(ssl), ssl);
  }

  static TransportException closed(String what, RetrySafety safety) {
    return new TransportException(Kind.CONNECTION_CLOSED, what, safety, null);
  }

  private static TransportException tx(Kind kind, String message, Throwable cause) {
    return new TransportException(kind, message, RetrySafety.UNPROCESSED, cause);
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static boolean isClosed(Throwable t) {
    return t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("closed");
  }

  /**
   * An I/O failure on an open connection: CONNECTION_CLOSED when the peer ended it (a reset, a broken
   * pipe, a channel already closed, a TLS engine its close_notify closed), which is what happened
   * whether or not our write raced the close; IO for anything else.
   */
  static TransportException io(String what, Throwable cause, RetrySafety safety) {
    return new TransportException(closedByPeer(cause) ? Kind.CONNECTION_CLOSED : Kind.IO, what + ": " + oneLine(cause),
        safety, cause);
  }

  private static boolean closedByPeer(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ClosedChannelException || t instanceof io.netty.handler.ssl.SslClosedEngineException) {
        return true;
      }
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("connection reset") || m.contains("broken pipe")) {
        return true;
      }
    }
    return false;
  }

  /** The first line of a throwable's message, or its class name. */
  static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
