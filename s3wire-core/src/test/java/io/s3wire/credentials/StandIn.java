package io.s3wire.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.s3wire.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server on an OS-chosen port imitating one AWS endpoint's documented wire format,
 * recording each request it answered.
 */
final class StandIn implements AutoCloseable {
  /** What a handler answers. */
  record Answer(int status, String body) {}

  /** One request as received. */
  record Seen(String method, String path, String query, com.sun.net.httpserver.Headers headers, String body) {}

  interface Handler {
    Answer answer(Seen request);
  }

  final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final String scheme;

  StandIn(Handler handler) throws IOException {
    this(handler, null);
  }

  /** A stand-in over HTTPS presenting {@code certificate} (HTTP/1.1, no ALPN), or plain HTTP when {@code null}. */
  StandIn(Handler handler, TestCertificates certificate) throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (certificate == null) {
      server = HttpServer.create(loopback, 0);
      scheme = "http";
    } else {
      HttpsServer https = HttpsServer.create(loopback, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverSslContext()));
      server = https;
      scheme = "https";
    }
    server.createContext("/", ex -> respond(ex, handler));
    server.start();
  }

  String url() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }


  private void respond(HttpExchange ex, Handler handler) throws IOException {
    try (ex) {
      Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
          ex.getRequestHeaders(), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      seen.add(s);
      Answer a = handler.answer(s);
      byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(a.status(), b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        ex.getResponseBody().write(b);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
