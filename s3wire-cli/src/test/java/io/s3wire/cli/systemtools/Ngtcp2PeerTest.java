package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's HTTP/3 against a peer that is not Netty: Debian's ngtcp2 example server (ngtcp2 and
 * nghttp3 over GnuTLS, package ngtcp2-server, binary {@code gtlsserver}) serving a file from a
 * directory. A GET over QUIC with ALPN h3 must bring the file back byte for byte.
 */
@Tag("system-tools")
@Timeout(120)
class Ngtcp2PeerTest {
  @TempDir Path dir;

  @Test
  void getAFileOverHttp3FromNgtcp2() throws Exception {
    Path server = SystemTool.require("gtlsserver", SystemTool.find("gtlsserver"), "apt-get install ngtcp2-server");
    SelfSignedCertificate cert = SelfSignedCertificate.create();
    Path crt = cert.writeCertificate(dir.resolve("server.crt"));
    Path key = Files.writeString(dir.resolve("server.key"), sec1Pem(cert), StandardCharsets.US_ASCII);
    Path www = Files.createDirectories(dir.resolve("www"));
    byte[] content = new byte[(1 << 20) + 17];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + (i >>> 9));
    }
    Files.write(www.resolve("object.bin"), content);
    int port = SystemTool.freePort();
    Path log = dir.resolve("gtlsserver.log");
    Process p = new ProcessBuilder(server.toString(), "-q", "-d", www.toString(), "127.0.0.1", Integer.toString(port),
        key.toString(), crt.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitUdpBound(p, port, log);
      List<WireEvent> events = new CopyOnWriteArrayList<>();
      TransportConfig config = TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).trustedCertificates(crt)
          .listener(events::add).build();
      try (HttpTransport t = HttpTransport.create(config);
          HttpResponse r = t.execute(HttpRequest.get(URI.create("https://127.0.0.1:" + port + "/object.bin"))).get(60, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_3);
        assertThat(r.body().bytes()).isEqualTo(content);
      }
      assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(WireEvent.QuicHandshake.class,
          h -> assertThat(h.alpnSelected()).isEqualTo("h3")));
    } finally {
      SystemTool.stop(p);
    }
  }

  /**
   * The key as SEC1 PEM ({@code EC PRIVATE KEY}) with its curve and public key: GnuTLS 3.7 refuses
   * the JDK's PKCS#8 encoding of an EC key, which leaves both out of the inner structure.
   */
  private static String sec1Pem(SelfSignedCertificate cert) throws IOException {
    var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(cert.key().getEncoded());
    var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    var publicKey = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(cert.certificate().getPublicKey().getEncoded());
    var full = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), publicKey.getPublicKeyData(),
        info.getPrivateKeyAlgorithm().getParameters());
    String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(full.getEncoded());
    return "-----BEGIN EC PRIVATE KEY-----\n" + base64 + "\n-----END EC PRIVATE KEY-----\n";
  }

  /**
   * Waits until a UDP socket is bound to 127.0.0.1:{@code port} (/proc/net/udp lists it): QUIC has
   * no connection to try, and a client packet sent before the bind would only be lost.
   */
  private static void awaitUdpBound(Process p, int port, Path log) throws IOException {
    String local = String.format(Locale.ROOT, "0100007F:%04X", port);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Files.readAllLines(Path.of("/proc/net/udp")).stream().noneMatch(l -> l.trim().split("\\s+")[1].equals(local))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("gtlsserver is not bound to UDP port " + port + ": " + Files.readString(log));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
