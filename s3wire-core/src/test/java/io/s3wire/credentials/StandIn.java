package io.s3wire.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

  StandIn(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> respond(ex, handler));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
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
