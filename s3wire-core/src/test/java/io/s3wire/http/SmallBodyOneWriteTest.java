package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.testing.LeakCheck;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small body in memory leaves with its request's head in one write over HTTP/1.1: one TCP segment
 * on loopback, so the server's first read holds the whole request. Sent apart, the head went alone
 * and the body followed after a hand-off to the body thread and back: two segments, a second read
 * and wake-up on the server, and an ACK of the head alone.
 */
@Timeout(30)
@ExtendWith(LeakCheck.class)
class SmallBodyOneWriteTest {

  @Test
  void theHeadAndASmallBodyArriveInTheServersFirstRead() throws Exception {
    byte[] body = body();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
            .callTimeout(Duration.ofSeconds(10)).build())) {
      CompletableFuture<byte[]> firstRead = serveOnce(server, body.length);
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/b/k");
      HttpResponse r = t.execute(new HttpRequest("PUT", uri, HttpHeaders.empty(), RequestBody.ofBytes(body)))
          .get(10, TimeUnit.SECONDS);
      r.body().close();
      assertThat(r.status()).isEqualTo(200);
      assertWhole(firstRead.get(10, TimeUnit.SECONDS), "PUT /b/k HTTP/1.1\r\n", body.length);
    }
  }

  /** The same through the client's PutObject, whose body hashes its bytes for the ETag check on the way. */
  @Test
  void aPutObjectOfBytesIsOneWriteToo(@TempDir Path temp) throws Exception {
    byte[] body = body();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> firstRead = serveOnce(server, body.length);
      try (S3Client client = S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
          .endpoint("http://127.0.0.1:" + server.getLocalPort()).region("us-east-1").credentials("AKIDONEWRITE", "one-write-secret")
          .provider(ProviderProfiles.generic()).build()) {
        client.putObject(BucketKey.of("bucket", "k"), body);
      }
      assertWhole(firstRead.get(10, TimeUnit.SECONDS), "PUT /bucket/k HTTP/1.1\r\n", body.length);
    }
  }

  private static byte[] body() {
    byte[] body = new byte[4096];
    java.util.Arrays.fill(body, (byte) 'b');
    return body;
  }

  /** Accepts one connection, reads one request, answers 200; completes with what its first read held. */
  private static CompletableFuture<byte[]> serveOnce(ServerSocket server, int bodyLength) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        int n = in.read(buf);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(buf, 0, n);
        byte[] first = java.util.Arrays.copyOf(buf, n);
        while (!complete(all.toByteArray(), bodyLength)) {
          int m = in.read(buf);
          if (m < 0) {
            break;
          }
          all.write(buf, 0, m);
        }
        OutputStream out = s.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return first;
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
  }

  private static void assertWhole(byte[] first, String requestLine, int bodyLength) {
    String text = new String(first, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith(requestLine);
    int headEnd = text.indexOf("\r\n\r\n");
    assertThat(headEnd).isPositive();
    assertThat(first.length - headEnd - 4).as("body bytes in the first read").isEqualTo(bodyLength);
  }

  private static boolean complete(byte[] received, int bodyLength) {
    String text = new String(received, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    return headEnd >= 0 && received.length - headEnd - 4 >= bodyLength;
  }
}
