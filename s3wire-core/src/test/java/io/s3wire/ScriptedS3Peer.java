package io.s3wire;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP/1.1 server on a loopback port that answers with scripted responses, in order, and
 * records every request it got: for asserting exactly what the client put on the wire (headers,
 * signatures, bodies) and how it reacts to answers s3proxy cannot give (503, RequestTimeTooSkewed, a
 * wrong ETag). When the script runs out it answers 200 with an empty body.
 */
final class ScriptedS3Peer implements AutoCloseable {
  /** One answer to give. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer ok(Map<String, String> headers) {
      return new Answer(200, headers, "");
    }

    static Answer error(int status, String code, Map<String, String> headers) {
      return new Answer(status, headers, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
          + "</Code><Message>scripted " + code + "</Message><RequestId>REQ" + status + "</RequestId></Error>");
    }
  }

  /** One request as received. */
  record Received(String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  final List<Received> received = new CopyOnWriteArrayList<>();

  ScriptedS3Peer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
          Map.copyOf(exchange.getRequestHeaders()), body));
      Answer a = script.poll();
      if (a == null) {
        a = Answer.ok(Map.of());
      }
      a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] out = a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(a.status(), head || out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        if (!head) {
          os.write(out);
        }
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  void then(Answer... answers) {
    script.addAll(List.of(answers));
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
