package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The AWS SDK v2's Netty async client (built on Netty 4.1, here running on our Netty 4.2) speaks
 * HTTP/2 to the server: over TLS with ALPN trusting the generated certificate, and h2c with prior
 * knowledge on the plain port. The observer proves every request really travelled on HTTP/2.
 */
@Timeout(120)
class SdkNettyHttp2Test {

  @Test
  void operationSetOverTlsAlpnH2() throws Exception {
    try (S3Server server = Peers.onOneDigitDay().tls(true).start()) {
      run(server);
    }
  }

  @Test
  void operationSetOverH2cPriorKnowledge() throws Exception {
    try (S3Server server = Peers.onOneDigitDay().start()) {
      run(server);
    }
  }

  private static void run(S3Server server) throws Exception {
    List<ObservedRequest> seen = new CopyOnWriteArrayList<>();
    server.addObserver(seen::add);
    try (S3AsyncClient s3 = Peers.nettyHttp2(server)) {
      s3.createBucket(r -> r.bucket("h2-bucket")).get(30, TimeUnit.SECONDS);
      byte[] data = new byte[3 * 1024 * 1024 + 7];
      ThreadLocalRandom.current().nextBytes(data);
      s3.putObject(r -> r.bucket("h2-bucket").key("k/one").metadata(java.util.Map.of("m", "v")),
          AsyncRequestBody.fromBytes(data)).get(30, TimeUnit.SECONDS);
      byte[] back = s3.getObject(r -> r.bucket("h2-bucket").key("k/one"), AsyncResponseTransformer.toBytes())
          .get(30, TimeUnit.SECONDS).asByteArray();
      assertThat(back).isEqualTo(data);
      assertThat(s3.headObject(r -> r.bucket("h2-bucket").key("k/one")).get(30, TimeUnit.SECONDS).metadata())
          .containsEntry("m", "v");
      String id = s3.createMultipartUpload(r -> r.bucket("h2-bucket").key("mp")).get(30, TimeUnit.SECONDS).uploadId();
      byte[] part = new byte[5 * 1024 * 1024];
      String e1 = s3.uploadPart(r -> r.bucket("h2-bucket").key("mp").uploadId(id).partNumber(1),
          AsyncRequestBody.fromBytes(part)).get(30, TimeUnit.SECONDS).eTag();
      String e2 = s3.uploadPart(r -> r.bucket("h2-bucket").key("mp").uploadId(id).partNumber(2),
          AsyncRequestBody.fromBytes(new byte[] {1, 2, 3})).get(30, TimeUnit.SECONDS).eTag();
      s3.completeMultipartUpload(r -> r.bucket("h2-bucket").key("mp").uploadId(id).multipartUpload(
          CompletedMultipartUpload.builder().parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
              CompletedPart.builder().partNumber(2).eTag(e2).build()).build())).get(30, TimeUnit.SECONDS);
      assertThat(s3.listObjectsV2(r -> r.bucket("h2-bucket")).get(30, TimeUnit.SECONDS).contents())
          .extracting(S3Object::key, S3Object::size)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("k/one", (long) data.length),
              org.assertj.core.groups.Tuple.tuple("mp", 5L * 1024 * 1024 + 3));
      s3.deleteObject(r -> r.bucket("h2-bucket").key("k/one")).get(30, TimeUnit.SECONDS);
      s3.deleteObject(r -> r.bucket("h2-bucket").key("mp")).get(30, TimeUnit.SECONDS);
      s3.deleteBucket(r -> r.bucket("h2-bucket")).get(30, TimeUnit.SECONDS);
    }
    assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2));
    assertThat(server.requestCount("PutObject")).isEqualTo(1);
    assertThat(server.requestCount("UploadPart")).isEqualTo(2);
  }
}
