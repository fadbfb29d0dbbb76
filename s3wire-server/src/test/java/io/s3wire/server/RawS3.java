package io.s3wire.server;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/** Requests to an anonymous test server exactly as a test writes them, and the bodies they need. */
final class RawS3 {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final int MIB = 1024 * 1024;

  private RawS3() {}

  /** {@code method path} with {@code headers} (name, value, name, value...; a name may repeat). */
  static HttpResponse<byte[]> send(S3Server s, String method, String path, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.endpoint() + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /**
   * {@code body} in aws-chunked encoding, 64 KiB chunks, ended by the trailer {@code trailer}
   * ({@code name:value}; {@code null}: none).
   */
  static byte[] chunked(byte[] body, String trailer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int off = 0; off < body.length; off += 65_536) {
      int n = Math.min(65_536, body.length - off);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, off, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("0\r\n" + (trailer == null ? "" : trailer + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** The headers of an unsigned aws-chunked upload of {@code length} bytes announcing trailer {@code name}. */
  static String[] trailing(int length, String name, String... more) {
    String[] base = {"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "content-encoding", "aws-chunked",
        "x-amz-decoded-content-length", Integer.toString(length), "x-amz-trailer", name};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
