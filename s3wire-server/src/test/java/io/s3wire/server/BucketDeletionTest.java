package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * DeleteBucket as S3 answers it: a bucket whose only content is multipart uploads in progress is
 * deleted with them; a bucket with an object is not. The file store deletes crash-safely.
 */
@Timeout(60)
class BucketDeletionTest {
  @TempDir
  Path dir;

  private ObjectStore store(String kind) throws Exception {
    return kind.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aBucketHoldingOnlyUploadsInProgressIsDeletedWithThem(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("uploads-only"));
      String id = s3.createMultipartUpload(r -> r.bucket("uploads-only").key("big")).uploadId();
      s3.uploadPart(r -> r.bucket("uploads-only").key("big").uploadId(id).partNumber(1),
          RequestBody.fromString("first part"));
      s3.createMultipartUpload(r -> r.bucket("uploads-only").key("other"));

      assertThat(s3.deleteBucket(r -> r.bucket("uploads-only")).sdkHttpResponse().statusCode()).isEqualTo(204);

      assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("uploads-only"))).isInstanceOf(NoSuchBucketException.class);
      assertThatThrownBy(() -> s3.listParts(r -> r.bucket("uploads-only").key("big").uploadId(id)))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
      s3.createBucket(r -> r.bucket("uploads-only"));
      assertThat(s3.listMultipartUploads(r -> r.bucket("uploads-only")).uploads()).isEmpty();
      assertThatThrownBy(() -> s3.listParts(r -> r.bucket("uploads-only").key("big").uploadId(id)))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
    }
    if (kind.equals("file")) {
      try (Stream<Path> tmp = Files.list(dir.resolve("store/tmp"))) {
        assertThat(tmp).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aBucketWithAnObjectIsNotDeletedAndKeepsItsUploads(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("full"));
      s3.putObject(r -> r.bucket("full").key("k"), RequestBody.fromString("v"));
      s3.createMultipartUpload(r -> r.bucket("full").key("big"));

      assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket("full"))).isInstanceOfSatisfying(S3Exception.class, e -> {
        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
      });
      assertThat(s3.listMultipartUploads(r -> r.bucket("full")).uploads()).hasSize(1);
    }
  }

  @Test
  void fileStoreFinishesADeletionACrashInterrupted() throws Exception {
    Path root = dir.resolve("store");
    try (ObjectStore s = ObjectStore.file(root)) {
      s.createBucket("kept");
      s.createBucket("doomed");
      s.createMultipartUpload("doomed", "k", ObjectAttributes.empty());
    }
    // A SIGKILL right after the rename that deletes a bucket leaves its tree in tmp/.
    Files.move(root.resolve("buckets/doomed"), root.resolve("tmp/interrupted"));
    try (ObjectStore s = ObjectStore.file(root)) {
      assertThat(s.listBuckets()).extracting(BucketInfo::name).containsExactly("kept");
      try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
        assertThat(tmp).isEmpty();
      }
      s.createBucket("doomed");
      assertThat(s.listMultipartUploads("doomed")).isEmpty();
      s.putObject("doomed", "k", ObjectAttributes.empty(),
          new ByteArrayInputStream("v".getBytes(StandardCharsets.UTF_8)));
    }
  }
}
