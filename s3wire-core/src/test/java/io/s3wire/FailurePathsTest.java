package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.ScriptedS3Peer.Answer;
import io.s3wire.ScriptedS3Peer.Received;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import io.s3wire.error.TransportException;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that must not be hidden: a one-shot body is never sent twice, a failed multipart upload is
 * aborted, and downloaded bytes that do not match their ETag are refused (and never land in the file).
 */
@Timeout(30)
class FailurePathsTest {
  private ScriptedS3Peer peer;
  private S3Client client;
  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    peer = new ScriptedS3Peer();
    client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
        .endpoint(peer.endpoint())
        .credentials("AKIDFAIL", "fail-secret")
        .provider(ProviderProfiles.generic())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), null))
        .multipartPartSize(5 * 1024 * 1024)
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  @Test
  void aOneShotStreamIsNeverSentTwice() {
    peer.then(Answer.error(503, "SlowDown", Map.of()));
    byte[] body = "once".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> client.putObject(BucketKey.of("bucket", "k"), new ByteArrayInputStream(body), body.length, ObjectMetadata.NONE))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("SlowDown"));
    assertThat(peer.received()).hasSize(1);
  }

  @Test
  void aFailedPartAbortsTheUploadAndReportsThePartsFailure() {
    peer.then(
        new Answer(200, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><InitiateMultipartUploadResult>"
            + "<Bucket>bucket</Bucket><Key>big</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>"),
        Answer.error(400, "InvalidArgument", Map.of()),
        new Answer(204, Map.of(), ""));
    byte[] big = new byte[6 * 1024 * 1024];
    assertThatThrownBy(() -> client.putObject(BucketKey.of("bucket", "big"), new ByteArrayInputStream(big), -1, ObjectMetadata.NONE))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("InvalidArgument"));
    List<Received> got = peer.received();
    assertThat(got).extracting(r -> r.method() + " " + r.rawPathAndQuery()).containsExactly(
        "POST /bucket/big?uploads",
        "PUT /bucket/big?partNumber=1&uploadId=up-1",
        "DELETE /bucket/big?uploadId=up-1");
    assertThat(got.get(1).body()).hasSize(5 * 1024 * 1024);
  }

  @Test
  void downloadedBytesThatDoNotMatchTheirEtagAreRefused() throws Exception {
    Map<String, String> wrongEtag = Map.of("ETag", "\"0123456789abcdef0123456789abcdef\"");
    peer.then(new Answer(200, wrongEtag, "tampered"), new Answer(200, wrongEtag, "tampered"));
    assertThatThrownBy(() -> client.getObjectBytes(BucketKey.of("bucket", "k")))
        .isInstanceOf(TransportException.class)
        .hasMessage("integrity check failed for s3://bucket/k: received bytes have MD5 "
            + "07b218b924120d49a725c36b06556000 but the object's ETag is 0123456789abcdef0123456789abcdef");
    Path target = temp.resolve("target.bin");
    assertThatThrownBy(() -> client.getObjectToFile(GetObjectRequest.of(BucketKey.of("bucket", "k")), target))
        .isInstanceOf(TransportException.class).hasMessageStartingWith("integrity check failed for s3://bucket/k");
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("target.bin").noneMatch(n -> n.endsWith(".s3wire-part"));
    }
  }

  @Test
  void batchDeletesSplitAtTheProfilesBatchSize() {
    String empty = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult></DeleteResult>";
    peer.then(new Answer(200, Map.of(), empty), new Answer(200, Map.of(), empty), new Answer(200, Map.of(), empty),
        new Answer(200, Map.of(), empty));
    List<String> keys = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "k" + i).toList();
    client.deleteObjects("bucket", keys);
    try (S3Client small = client.newBuilder().provider(ProviderProfiles.generic().toBuilder().maxDeleteBatch(2).build()).build()) {
      small.deleteObjects("bucket", List.of("a", "b", "c"));
    }
    List<Received> got = peer.received();
    assertThat(got).extracting(r -> r.method() + " " + r.rawPathAndQuery()).containsOnly("POST /bucket?delete");
    assertThat(got).extracting(r -> new String(r.body(), StandardCharsets.UTF_8).split("<Key>", -1).length - 1)
        .containsExactly(1000, 1, 2, 1);
  }
}
