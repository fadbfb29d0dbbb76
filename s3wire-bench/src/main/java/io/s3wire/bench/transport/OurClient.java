package io.s3wire.bench.transport;

import io.s3wire.bench.RateLoop;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * s3wire's transport driven the way a caller drives it: a request, the response head, the body
 * consumed (to {@code /dev/null} for large GETs, like {@code curl -o /dev/null}), a file body for
 * PUTs. Every result is checked (status, byte count), so a broken transfer fails the harness
 * instead of producing a fast figure.
 */
final class OurClient {
  private static final long CALL_TIMEOUT_SECONDS = 600;

  private OurClient() {}

  static TransportConfig config(TlsProvider provider, HttpVersionPolicy policy, Path ca) {
    return TransportConfig.builder()
        .tlsProvider(provider)
        .versionPolicy(policy)
        .trustedCertificates(ca)
        .build();
  }

  /** The protocol a transport configured by {@link #config} must have used. */
  static HttpProtocol expected(HttpTransport t) {
    return t.config().versionPolicy() == HttpVersionPolicy.HTTP_2 ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1;
  }

  /** GETs {@code /bytes/size} and writes the body to /dev/null; returns the bytes received. */
  static long get(HttpTransport t, URI base, long size) throws Exception {
    HttpRequest req = HttpRequest.get(base.resolve("/bytes/" + size));
    try (HttpResponse r = t.execute(req).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        FileChannel devNull = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
      if (r.status() != 200 || r.protocol() != expected(t)) {
        throw new IOException("GET answered " + r.status() + " over " + r.protocol());
      }
      long n = r.body().transferTo(devNull).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (n != size) {
        throw new IOException("GET received " + n + " bytes, expected " + size);
      }
      return n;
    }
  }

  /** PUTs {@code file} to {@code /upload}; returns the bytes the server says it received. */
  static long put(HttpTransport t, URI base, Path file, long size) throws Exception {
    HttpRequest req = new HttpRequest("PUT", base.resolve("/upload"),
        HttpHeaders.of("content-type", "application/octet-stream"), RequestBody.ofFile(file));
    try (HttpResponse r = t.execute(req).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      r.body().bytes();
      long got = Long.parseLong(r.headers().first("x-received").orElse("-1"));
      if (r.status() != 200 || got != size || r.protocol() != expected(t)) {
        throw new IOException("PUT answered " + r.status() + " over " + r.protocol() + " having received " + got
            + " of " + size + " bytes");
      }
      return got;
    }
  }

  /** PUTs the first {@code size} bytes of {@code file} (a warm-up). */
  static void putRegion(HttpTransport t, URI base, Path file, long size) throws Exception {
    HttpRequest req = new HttpRequest("PUT", base.resolve("/upload"),
        HttpHeaders.of("content-type", "application/octet-stream"), RequestBody.ofFile(file, 0, size));
    try (HttpResponse r = t.execute(req).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      r.body().bytes();
      if (r.status() != 200 || !r.headers().first("x-received").orElse("").equals(Long.toString(size))) {
        throw new IOException("warm-up PUT answered " + r.status());
      }
    }
  }

  /**
   * Keeps {@code concurrency} small GETs in flight from as many threads for {@code warmupMillis},
   * then counts completions for {@code measureMillis}.
   *
   * @return completed requests per second in the measured window
   */
  static double smallGetRate(HttpTransport t, URI base, int smallBytes, int concurrency, long warmupMillis,
      long measureMillis) throws Exception {
    URI uri = base.resolve("/small");
    return RateLoop.perSecond(concurrency, warmupMillis, measureMillis, (thread, n) -> {
      try (HttpResponse r = t.execute(HttpRequest.get(uri)).get(60, TimeUnit.SECONDS)) {
        byte[] b = r.body().bytes();
        if (r.status() != 200 || b.length != smallBytes || r.protocol() != expected(t)) {
          throw new IOException("small GET answered " + r.status() + " over " + r.protocol() + " with "
              + b.length + " bytes");
        }
      }
    });
  }
}
