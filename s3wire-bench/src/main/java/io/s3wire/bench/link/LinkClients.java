package io.s3wire.bench.link;

import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The clients the slow-link harness compares, by name, and its curl runs. */
final class LinkClients {
  /** s3wire over its HTTP/1.1 pool, transport defaults. */
  static final String H1 = "s3wire-h1";
  /** s3wire over one HTTP/2 connection (prior knowledge), transport defaults. */
  static final String H2 = "s3wire-h2";
  /** As {@link #H2} with 1 MiB stream and connection windows: what a window short of the BDP costs. */
  static final String H2_1M = "s3wire-h2-1m-windows";
  /** As {@link #H2} with 64 MiB stream and 256 MiB connection windows: whether the defaults still limit. */
  static final String H2_64M = "s3wire-h2-64m-windows";
  /** s3wire over HTTP/3 (QUIC), transport defaults; always TLS. */
  static final String H3 = "s3wire-h3";
  static final String CURL_H1 = "curl-h1";
  static final String CURL_H2 = "curl-h2";

  private LinkClients() {}

  static S3Client create(String name, String endpoint, Path dir) {
    return create(name, endpoint, dir, null);
  }

  /**
   * The client {@code name} towards {@code endpoint}; with {@code ca} (a PEM file) it trusts that
   * certificate, for an https endpoint. HTTP/1.1 and HTTP/2 over TLS pick their version through ALPN.
   */
  static S3Client create(String name, String endpoint, Path dir, Path ca) {
    TransportConfig.Builder transport = switch (name) {
      case H1 -> TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1);
      case H2 -> TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).http2ConnectionsPerOrigin(1);
      case H2_1M -> TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).http2ConnectionsPerOrigin(1)
          .http2InitialStreamWindow(1 << 20).http2InitialConnectionWindow(1 << 20);
      case H2_64M -> TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).http2ConnectionsPerOrigin(1)
          .http2InitialStreamWindow(64 << 20).http2InitialConnectionWindow(256 << 20);
      case H3 -> TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3);
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
    if (ca != null) {
      transport.trustedCertificates(ca);
    }
    return S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), dir.resolve("no-aws-home")))
        .endpoint(endpoint)
        .region("us-east-1")
        .credentials(LinkBench.ACCESS_KEY, LinkBench.SECRET_KEY)
        .provider(ProviderProfiles.generic())
        .transportConfig(transport.build())
        .build();
  }

  /**
   * Times one {@code curl} GET of {@code url} to /dev/null over HTTP/1.1 or HTTP/2 with prior
   * knowledge, checking the status, the byte count and the version it reports; returns nanoseconds.
   */
  static long curlGet(String curl, String url, long size, boolean http2) throws IOException, InterruptedException {
    List<String> cmd = List.of(curl, "-sS", "--fail", http2 ? "--http2-prior-knowledge" : "--http1.1", "-o",
        "/dev/null", "-w", "%{http_code} %{size_download} %{http_version}", url);
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("curl did not finish in 600 s");
    }
    long elapsed = System.nanoTime() - start;
    String expected = "200 " + size + " " + (http2 ? "2" : "1.1");
    if (p.exitValue() != 0 || !out.endsWith(expected)) {
      throw new IOException("curl exited " + p.exitValue() + " reporting '" + out + "', expected '" + expected + "'");
    }
    return elapsed;
  }
}
