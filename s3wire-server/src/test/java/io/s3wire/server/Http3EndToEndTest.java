package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.S3Client;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.Http3ErrorCode;
import io.s3wire.error.StreamResetException;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.retry.RetryPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * s3wire's HTTP/3 client against its own HTTP/3 server: requests reach the router as HTTP/3 (what
 * observers and fault rules see), and a stream the server resets arrives as the same failure, with
 * the same retry verdict, as its HTTP/2 twin.
 */
@Timeout(120)
class Http3EndToEndTest {
  @TempDir
  Path dir;

  private S3Client client(S3Server server, RetryPolicy retry) throws Exception {
    Path ca = dir.resolve("ca.pem");
    server.writeCertificatePem(ca);
    return S3Client.builder().endpoint(server.endpoint()).region("us-east-1")
        .credentials(server.accessKey(), server.secretKey()).retryPolicy(retry)
        .transportConfig(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).trustedCertificates(ca)
            .build())
        .build();
  }

  @Test
  void requestsTravelAsHttp3AndObserversAndFaultRulesSeeIt() throws Exception {
    List<HttpProtocol> seen = new CopyOnWriteArrayList<>();
    byte[] data = new byte[3 << 20];
    new Random(3).nextBytes(data);
    try (S3Server server = S3Server.builder().tls(true).http3(true).observer(r -> seen.add(r.protocol())).start();
        S3Client s3 = client(server, RetryPolicy.defaults())) {
      s3.createBucket("h3-bucket");
      // Refused before any work: H3_REQUEST_REJECTED, which the client replays as it does REFUSED_STREAM.
      server.faultRules(List.of(FaultRule.when().method("PUT").protocol(HttpProtocol.HTTP_3).firstN(1)
          .resetStream(Http2ErrorCode.REFUSED_STREAM)));
      s3.putObject(BucketKey.of("h3-bucket", "k"), data);
      assertThat(server.faultsFired().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
      assertThat(s3.getObjectBytes(BucketKey.of("h3-bucket", "k")).bytes()).isEqualTo(data);
    }
    assertThat(seen).isNotEmpty().containsOnly(HttpProtocol.HTTP_3);
  }

  @Test
  void aResetStreamFailsLikeItsHttp2TwinWhenRetriesAreOff() throws Exception {
    try (S3Server server = S3Server.builder().tls(true).http3(true).start();
        S3Client s3 = client(server, RetryPolicy.none())) {
      s3.createBucket("h3-bucket");
      server.faultRules(List.of(FaultRule.when().method("PUT").firstN(1).resetStream(Http2ErrorCode.REFUSED_STREAM)));
      assertThatThrownBy(() -> s3.putObject(BucketKey.of("h3-bucket", "k"), new byte[10]))
          .isInstanceOfSatisfying(StreamResetException.class, e -> {
            assertThat(e.isHttp3()).isTrue();
            assertThat(e.http3Code()).isEqualTo(Http3ErrorCode.H3_REQUEST_REJECTED);
            assertThat(e.code()).isEqualTo(Http2ErrorCode.REFUSED_STREAM);
            assertThat(e.isRetryable()).isTrue();
          });
    }
  }

  /**
   * A 24 MiB PUT signed with the wrong secret: the server answers 403 from the headers, before the body,
   * and asks the client to stop sending (STOP_SENDING); the caller gets that answer as the S3 error it is.
   */
  @Test
  void anAnswerBeforeTheBodyArrivesAsTheS3ErrorItIs() throws Exception {
    try (S3Server server = S3Server.builder().tls(true).http3(true).start();
        S3Client owner = client(server, RetryPolicy.none())) {
      owner.createBucket("h3-bucket");
      Path ca = dir.resolve("ca.pem");
      try (S3Client stranger = S3Client.builder().endpoint(server.endpoint()).region("us-east-1")
          .credentials(server.accessKey(), "not-the-secret").retryPolicy(RetryPolicy.none())
          .transportConfig(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).trustedCertificates(ca)
              .build())
          .build()) {
        assertThatThrownBy(() -> stranger.putObject(BucketKey.of("h3-bucket", "k"), new byte[24 << 20]))
            .isInstanceOfSatisfying(io.s3wire.error.ServiceException.class, e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
      }
      assertThatThrownBy(() -> owner.headObject(BucketKey.of("h3-bucket", "k")))
          .isInstanceOfSatisfying(io.s3wire.error.ServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  /**
   * QUIC stream credit is cumulative: a server that grants four streams, and more only as streams
   * close, still serves 64 calls at once, with no retry to hide a STREAM_LIMIT_ERROR.
   */
  @Test
  void sixtyFourCallsAtOnceOnFourStreamsOfCredit() throws Exception {
    ServerLimits d = ServerLimits.defaults();
    ServerLimits fourStreams = d.withHttp2(4, d.maxHeaderListSize(), d.maxReceivedRstFrames(), d.maxSentRstFrames(),
        d.maxSmallContinuationFrames(), d.maxQueuedControlFrames());
    try (S3Server server = S3Server.builder().tls(true).http3(true).limits(fourStreams).start();
        S3Client s3 = client(server, RetryPolicy.none())) {
      s3.createBucket("h3-credit");
      List<CompletableFuture<?>> puts = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        puts.add(s3.async().putObject(BucketKey.of("h3-credit", "k" + i), new byte[] {(byte) i}));
      }
      CompletableFuture.allOf(puts.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
      List<CompletableFuture<io.s3wire.ObjectBytes>> gets = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        gets.add(s3.async().getObjectBytes(BucketKey.of("h3-credit", "k" + i)));
      }
      for (int i = 0; i < 64; i++) {
        assertThat(gets.get(i).get(60, TimeUnit.SECONDS).bytes()).containsExactly((byte) i);
      }
    }
  }
}
