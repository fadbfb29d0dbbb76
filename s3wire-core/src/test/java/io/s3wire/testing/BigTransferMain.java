package io.s3wire.testing;

import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Moves a large generated body down and up over HTTP/1.1 and h2c through the transport, checking
 * every byte by CRC-32; run in a forked JVM whose heap and direct memory are far smaller than the
 * body, so buffering a body whole would fail with an OutOfMemoryError.
 *
 * <p>Prints one line per transfer: {@code GET HTTP/1.1 <bytes> <ok|BAD> <seconds> <MiB/s>}; exits
 * non-zero on any failure.
 */
public final class BigTransferMain {
  private BigTransferMain() {}

  public static void main(String[] args) throws Exception {
    long size = Long.parseLong(args[0]);
    // Optional second argument: a TLS provider (JDK or OPENSSL) to run over TLS instead of plain TCP.
    io.s3wire.http.TlsProvider tls = args.length > 1 ? io.s3wire.http.TlsProvider.valueOf(args[1]) : null;
    TestCertificates cert = tls == null ? null : TestCertificates.localhost();
    boolean ok = true;
    try (TestHttpServer server = TestHttpServer.builder().tls(cert).build()) {
      for (HttpProtocol p : java.util.List.of(HttpProtocol.HTTP_1_1, HttpProtocol.HTTP_2)) { // TestHttpServer speaks TCP only
        HttpVersionPolicy policy = p == HttpProtocol.HTTP_2 ? HttpVersionPolicy.HTTP_2 : HttpVersionPolicy.HTTP_1_1;
        TransportConfig.Builder config = TransportConfig.builder().versionPolicy(policy);
        if (tls != null) {
          config.tlsProvider(tls).trustedCertificates(cert.pemFile());
        }
        try (HttpTransport t = HttpTransport.create(config.build())) {
          long start = System.nanoTime();
          CRC32 crc = new CRC32();
          long got;
          try (HttpResponse r = t.execute(HttpRequest.get(server.uri("/bytes/" + size))).get(30, TimeUnit.SECONDS)) {
            got = r.body().transferTo(new WritableByteChannel() {
              @Override
              public int write(ByteBuffer src) {
                int n = src.remaining();
                crc.update(src);
                return n;
              }

              @Override
              public boolean isOpen() {
                return true;
              }

              @Override
              public void close() {}
            }).get(300, TimeUnit.SECONDS);
          }
          boolean good = got == size && crc.getValue() == Pattern.crc(size);
          ok &= good;
          line("GET", p, got, good, start);

          start = System.nanoTime();
          HttpRequest put = new HttpRequest("PUT", server.uri("/count"), HttpHeaders.empty(), Pattern.body(size, true));
          String answer;
          try (HttpResponse r = t.execute(put).get(300, TimeUnit.SECONDS)) {
            answer = new String(r.body().bytes(), StandardCharsets.US_ASCII);
          }
          good = answer.equals(size + " " + Long.toHexString(Pattern.crc(size)));
          ok &= good;
          line("PUT", p, size, good, start);
        }
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static void line(String what, HttpProtocol p, long bytes, boolean good, long startNanos) {
    double secs = (System.nanoTime() - startNanos) / 1e9;
    System.out.println(String.format(Locale.ROOT, "%s %s %d %s %.2f %.0f", what, p, bytes, good ? "ok" : "BAD", secs,
        bytes / 1048576.0 / secs));
  }
}
