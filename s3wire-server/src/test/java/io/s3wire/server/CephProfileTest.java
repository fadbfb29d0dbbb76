package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ceph profile answers checksummed uploads as Ceph RGW 16.2 does (seen on the rgw test group's
 * cluster): an unsigned trailer is refused with XAmzContentSHA256Mismatch and an empty Message, and a
 * checksum header, even a wrong one, is taken without a word and never echoed.
 */
@Timeout(30)
class CephProfileTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<String> put(S3Server server, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).timeout(Duration.ofSeconds(20))
        .PUT(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnsignedTrailerIsRefusedAsRgwRefusesIt() throws Exception {
    try (S3Server ceph = S3Server.builder().anonymous(true).profile(ServerProfile.named("ceph")).start()) {
      ceph.store().createBucket("bucket");
      HttpResponse<String> r = put(ceph, "/bucket/k", "5\r\nhello\r\n0\r\nx-amz-checksum-crc32c:mnG7TA==\r\n\r\n",
          "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "content-encoding", "aws-chunked",
          "x-amz-decoded-content-length", "5", "x-amz-trailer", "x-amz-checksum-crc32c");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("<Code>XAmzContentSHA256Mismatch</Code><Message></Message><BucketName>bucket</BucketName>");
      assertThatThrownBy(() -> ceph.store().headObject("bucket", "k")).isInstanceOf(S3ErrorException.class);
    }
  }

  @Test
  void aChecksumHeaderIsIgnoredEvenWhenWrong() throws Exception {
    try (S3Server ceph = S3Server.builder().anonymous(true).profile(ServerProfile.CEPH).start();
        S3Server s3 = S3Server.builder().anonymous(true).start()) {
      ceph.store().createBucket("bucket");
      s3.store().createBucket("bucket");
      HttpResponse<String> wrong = put(ceph, "/bucket/k", "hello", "x-amz-checksum-crc32c", "AAAAAA==");
      assertThat(wrong.statusCode()).isEqualTo(200);
      assertThat(wrong.headers().firstValue("etag")).hasValue("\"5d41402abc4b2a76b9719d911017c592\"");
      assertThat(wrong.headers().map().keySet()).noneMatch(h -> h.startsWith("x-amz-checksum"));
      HttpResponse<String> right = put(ceph, "/bucket/k2", "hello", "x-amz-checksum-crc32c", "mnG7TA==");
      assertThat(right.headers().map().keySet()).noneMatch(h -> h.startsWith("x-amz-checksum"));
      // The s3 profile checks and echoes the same headers.
      assertThat(put(s3, "/bucket/k", "hello", "x-amz-checksum-crc32c", "AAAAAA==").statusCode()).isEqualTo(400);
      assertThat(put(s3, "/bucket/k", "hello", "x-amz-checksum-crc32c", "mnG7TA==").headers()
          .firstValue("x-amz-checksum-crc32c")).hasValue("mnG7TA==");
    }
  }
}
