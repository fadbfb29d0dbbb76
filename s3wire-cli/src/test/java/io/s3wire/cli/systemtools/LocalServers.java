package io.s3wire.cli.systemtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nghttpd and nginx (a web server, or the front end of an S3 server) started on free loopback ports
 * with temporary configs and self-made certificates.
 */
final class LocalServers {
  private LocalServers() {}

  /** A started server process, stopped (by PID) on close. */
  record Running(Process process, int port, Path certificate, Path dir) implements AutoCloseable {
    String url(String path) {
      return "https://127.0.0.1:" + port + path;
    }

    /** The base URL over plain HTTP, for a server started without TLS. */
    String plainUrl() {
      return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
      SystemTool.stop(process);
    }
  }

  private static Path[] writeCertificate(Path dir) throws IOException {
    SelfSignedCertificate cert = SelfSignedCertificate.create();
    Path crt = cert.writeCertificate(dir.resolve("server.crt"));
    Path key = Files.writeString(dir.resolve("server.key"), cert.keyPem(), StandardCharsets.US_ASCII);
    return new Path[] {crt, key};
  }

  /** nghttpd: TLS, h2 only (ALPN), serving {@code dir/www}. */
  static Running nghttpd(Path dir) throws IOException {
    Path nghttpd = SystemTool.require("nghttpd");
    Path[] ck = writeCertificate(dir);
    Path www = Files.createDirectories(dir.resolve("www"));
    Files.writeString(www.resolve("index.html"), "hello from nghttpd\n");
    int port = SystemTool.freePort();
    Path log = dir.resolve("nghttpd.log");
    Process p = new ProcessBuilder(nghttpd.toString(), "-a", "127.0.0.1", "-d", www.toString(), Integer.toString(port),
        ck[1].toString(), ck[0].toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      SystemTool.awaitListening(p, port, Duration.ofSeconds(10), log);
    } catch (RuntimeException | IOException e) {
      SystemTool.stop(p);
      throw e;
    }
    return new Running(p, port, ck[0], dir);
  }

  /** nginx: TLS with http2 on, so ALPN selects h2 or http/1.1; one process, logs and temp files under {@code dir}. */
  static Running nginx(Path dir) throws IOException {
    return nginx(dir, true, "location / { default_type text/plain; return 200 \"hello from nginx $server_protocol\\n\"; }");
  }

  /**
   * nginx as the front end of an S3 server on 127.0.0.1:{@code upstreamPort}: over TLS with http2 on
   * (ALPN h2 or http/1.1), or over plain HTTP/1.1 when {@code tls} is false. The host header is passed
   * on as the client sent it (SigV4 signed it), request and response bodies stream through.
   */
  static Running nginxProxy(Path dir, int upstreamPort, boolean tls) throws IOException {
    return nginx(dir, tls, String.join("\n", List.of(
        "    client_max_body_size 0;",
        "    location / {",
        "      proxy_pass http://127.0.0.1:" + upstreamPort + ";",
        "      proxy_http_version 1.1;",
        "      proxy_set_header Host $http_host;",
        "      proxy_request_buffering off;",
        "      proxy_buffering off;",
        "    }")));
  }

  private static Running nginx(Path dir, boolean tls, String serverBody) throws IOException {
    Path nginx = SystemTool.require("nginx");
    Path[] ck = writeCertificate(dir);
    int port = SystemTool.freePort();
    Path conf = dir.resolve("nginx.conf");
    String d = dir.toString();
    List<String> listen = tls ? List.of(
        "    listen 127.0.0.1:" + port + " ssl http2;",
        "    ssl_certificate " + ck[0] + ";",
        "    ssl_certificate_key " + ck[1] + ";",
        "    ssl_protocols TLSv1.2 TLSv1.3;")
        : List.of("    listen 127.0.0.1:" + port + ";");
    List<String> lines = new java.util.ArrayList<>(List.of(
        "daemon off;",
        "master_process off;",
        "worker_processes 1;",
        "pid " + d + "/nginx.pid;",
        "error_log " + d + "/error.log info;",
        "events { worker_connections 64; }",
        "http {",
        "  access_log off;",
        "  client_body_temp_path " + d + "/body;",
        "  proxy_temp_path " + d + "/proxy;",
        "  fastcgi_temp_path " + d + "/fastcgi;",
        "  uwsgi_temp_path " + d + "/uwsgi;",
        "  scgi_temp_path " + d + "/scgi;",
        "  server {"));
    lines.addAll(listen);
    lines.add(serverBody.startsWith(" ") ? serverBody : "    " + serverBody);
    lines.addAll(List.of("  }", "}", ""));
    Files.writeString(conf, String.join("\n", lines));
    Path log = dir.resolve("nginx.out");
    Process p = new ProcessBuilder(nginx.toString(), "-p", d, "-c", conf.toString(), "-e", d + "/error.log")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      SystemTool.awaitListening(p, port, Duration.ofSeconds(10), log);
    } catch (RuntimeException | IOException e) {
      SystemTool.stop(p);
      throw e;
    }
    return new Running(p, port, ck[0], dir);
  }
}
