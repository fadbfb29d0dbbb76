package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.ScriptedS3Peer.Answer;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.provider.ProviderProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ceph RGW 16.2 completes a multipart upload and answers {@code <ETag></ETag>}: the result carries
 * the stored object's ETag from a HEAD instead, so callers can still check it against the parts.
 */
@Timeout(30)
class EmptyCompletionETagTest {
  private static final String EMPTY_ETAG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult"
      + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Location>http://127.0.0.1/bucket/k</Location>"
      + "<Bucket>bucket</Bucket><Key>k</Key><ETag></ETag></CompleteMultipartUploadResult>";
  private static final MultipartUpload UPLOAD = new MultipartUpload(BucketKey.of("bucket", "k"), "up-1");
  private static final List<CompletedPart> PARTS = List.of(
      new CompletedPart(1, "0123456789abcdef0123456789abcdef", 5L * 1024 * 1024),
      new CompletedPart(2, "fedcba9876543210fedcba9876543210", 3));

  private ScriptedS3Peer peer;
  private S3Client client;
  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    peer = new ScriptedS3Peer();
    client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
        .endpoint(peer.endpoint())
        .credentials("AKIDETAG", "etag-secret")
        .provider(ProviderProfiles.ceph())
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  @Test
  void anEmptyETagIsReplacedByTheStoredObjectsOne() {
    peer.then(new Answer(200, Map.of(), EMPTY_ETAG),
        Answer.ok(Map.of("ETag", "\"2f37d685d75fe9cd01bceb535e0fdbc0-2\"", "Content-Length", "5242883")));
    PutObjectResult r = client.completeMultipartUpload(UPLOAD, PARTS);
    assertThat(r.eTag()).isEqualTo("2f37d685d75fe9cd01bceb535e0fdbc0-2");
    assertThat(r.parts()).isEqualTo(2);
    assertThat(peer.received()).extracting(q -> q.method() + " " + q.rawPathAndQuery())
        .containsExactly("POST /bucket/k?uploadId=up-1", "HEAD /bucket/k");
  }

  @Test
  void anObjectWrittenOverItMeanwhileIsNotTakenForIt() {
    peer.then(new Answer(200, Map.of(), EMPTY_ETAG),
        Answer.ok(Map.of("ETag", "\"0123456789abcdef0123456789abcdef\"", "Content-Length", "1")));
    assertThat(client.completeMultipartUpload(UPLOAD, PARTS).eTag()).isEmpty();
  }

  @Test
  void aFailedHeadLeavesTheCompletedUploadAsAnswered() {
    peer.then(new Answer(200, Map.of(), EMPTY_ETAG), Answer.error(403, "AccessDenied", Map.of()));
    assertThat(client.completeMultipartUpload(UPLOAD, PARTS).eTag()).isEmpty();
  }

  @Test
  void aServerThatNamesTheETagIsNotAskedAgain() {
    peer.then(new Answer(200, Map.of(), EMPTY_ETAG.replace("<ETag></ETag>", "<ETag>\"abc-2\"</ETag>")));
    assertThat(client.completeMultipartUpload(UPLOAD, PARTS).eTag()).isEqualTo("abc-2");
    assertThat(peer.received()).hasSize(1);
  }
}
