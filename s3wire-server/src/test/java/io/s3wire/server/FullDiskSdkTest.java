package io.s3wire.server;

import static io.s3wire.server.FullDiskFixture.BUCKET;
import static io.s3wire.server.FullDiskFixture.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.testing.LeakCheck;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The file store on a 16 MiB tmpfs that fills up, driven by the AWS SDK v2 at its defaults: its
 * writes of data, metadata, tags, bucket configuration and versioning state answer 507
 * XMinioStorageFull, which the SDK does not retry, while its reads go on; writes succeed again once
 * space is freed. Needs root to mount ({@link SmallFileSystem}); run by {@code .ci/run}'s fulldisk group.
 */
@org.junit.jupiter.api.Tag("fulldisk")
@Timeout(120)
@ExtendWith(LeakCheck.PerClass.class)
class FullDiskSdkTest {
  private FullDiskFixture f;
  private S3Client sdk;

  @BeforeEach
  void start() throws Exception {
    f = FullDiskFixture.start();
    sdk = Peers.apache(f.server());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (sdk != null) {
        sdk.close();
      }
    } finally {
      if (f != null) {
        f.close();
      }
    }
  }

  /** The call answers 507 XMinioStorageFull once: the SDK, at its defaults, does not retry it. */
  private void assertStorageFull(String operation, Executable call) {
    f.server().resetRequestCounts();
    assertThatThrownBy(call::execute).as(operation).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(507);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("XMinioStorageFull");
    });
    assertThat(f.server().requestCount(operation)).as(operation + " attempts").isEqualTo(1);
    f.assertWarnedFull(1);
  }

  private void put(String key, byte[] bytes) {
    sdk.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of("color", "blue")), RequestBody.fromBytes(bytes));
  }

  private byte[] get(String key) {
    return sdk.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  @Test
  void aPutThatDoesNotFitIsNotRetried() throws Exception {
    byte[] big = new byte[24 * MiB];
    new Random(1).nextBytes(big);
    assertStorageFull("PutObject", () -> put("big", big));
    assertThatThrownBy(() -> sdk.headObject(b -> b.bucket(BUCKET).key("big")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    f.assertNothingLeftBehind();
    put("small", new byte[1000]);
    assertThat(get("small")).hasSize(1000);
  }

  @Test
  void metadataTagAndBucketWritesWhenFullAnswer507AndReadsGoOn() throws Exception {
    put("k", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    f.fs.leaveFree(0);

    assertStorageFull("PutObjectTagging", () -> sdk.putObjectTagging(b -> b.bucket(BUCKET).key("k")
        .tagging(t -> t.tagSet(Tag.builder().key("team").value("a").build()))));
    assertStorageFull("CopyObject", () -> sdk.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k")
        .destinationBucket(BUCKET).destinationKey("k").metadataDirective(MetadataDirective.REPLACE)
        .metadata(Map.of("color", "red"))));
    assertStorageFull("PutBucketVersioning", () -> sdk.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED))));
    assertStorageFull("PutBucketTagging", () -> sdk.putBucketTagging(b -> b.bucket(BUCKET)
        .tagging(t -> t.tagSet(Tag.builder().key("team").value("a").build()))));
    assertStorageFull("CreateMultipartUpload", () -> sdk.createMultipartUpload(b -> b.bucket(BUCKET).key("m")));
    assertStorageFull("CreateBucket", () -> sdk.createBucket(b -> b.bucket("another")));

    // Nothing changed, and reads go on.
    assertThat(get("k")).asString(java.nio.charset.StandardCharsets.UTF_8).isEqualTo("hello");
    assertThat(sdk.headObject(b -> b.bucket(BUCKET).key("k")).metadata()).containsEntry("color", "blue");
    assertThat(sdk.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet()).isEmpty();
    assertThat(sdk.getBucketVersioning(b -> b.bucket(BUCKET)).status()).isNull();
    assertThat(sdk.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
    assertThat(sdk.listBuckets().buckets()).extracting(b -> b.name()).containsExactly(BUCKET);
    assertThat(sdk.listObjectsV2(b -> b.bucket(BUCKET)).contents()).extracting(o -> o.key()).containsExactly("k");
    f.assertNothingLeftBehind();

    f.fs.freeBallast();
    sdk.putObjectTagging(b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(Tag.builder().key("team").value("a").build())));
    sdk.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    assertThat(sdk.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet()).extracting(Tag::value).containsExactly("a");
    assertThat(sdk.getBucketVersioning(b -> b.bucket(BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
  }

  /**
   * In a versioned bucket a DELETE writes (a delete marker, or the key's version list without the
   * version), so on a disk with no byte free it answers 507 too; an unversioned DELETE only unlinks.
   */
  @Test
  void versionedDeletesNeedRoomAndSucceedOnceThereIsSome() throws Exception {
    sdk.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    put("v", new byte[] {1});
    put("v", new byte[] {2});
    f.fs.leaveFree(0);

    assertStorageFull("DeleteObject", () -> sdk.deleteObject(b -> b.bucket(BUCKET).key("v")));
    List<ObjectVersion> versions = sdk.listObjectVersions(b -> b.bucket(BUCKET)).versions();
    assertThat(versions).hasSize(2);
    String oldest = versions.get(1).versionId();
    assertStorageFull("DeleteObject", () -> sdk.deleteObject(b -> b.bucket(BUCKET).key("v").versionId(oldest)));
    assertThat(sdk.listObjectVersions(b -> b.bucket(BUCKET)).deleteMarkers()).isEmpty();
    assertThat(get("v")).containsExactly(2);
    f.assertNothingLeftBehind();

    f.fs.leaveFree(64 * 1024);
    sdk.deleteObject(b -> b.bucket(BUCKET).key("v").versionId(oldest));
    sdk.deleteObject(b -> b.bucket(BUCKET).key("v"));
    assertThat(sdk.listObjectVersions(b -> b.bucket(BUCKET)).versions()).hasSize(1);
    assertThat(sdk.listObjectVersions(b -> b.bucket(BUCKET)).deleteMarkers()).hasSize(1);
  }
}
