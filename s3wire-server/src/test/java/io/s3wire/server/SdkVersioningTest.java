package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The AWS SDK for Java v2, at its defaults, through a versioned bucket's life on both stores over
 * HTTP/1.1, and on the memory store over HTTP/2 with TLS.
 */
@Timeout(120)
class SdkVersioningTest {
  static TwoStores stores;

  @BeforeAll
  static void start() throws Exception {
    stores = TwoStores.startWithHttp2("s3wire-sdk-versions");
  }

  @AfterAll
  static void stop() throws Exception {
    stores.close();
  }

  static Stream<Arguments> servers() {
    return stores.arguments();
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void versionedBucketLifecycle(String name, S3Server server) {
    try (S3Client s3 = Peers.sync(server)) {
      String b = SdkOperationsTest.bucket();
      s3.createBucket(r -> r.bucket(b));
      assertThat(s3.getBucketVersioning(r -> r.bucket(b)).status()).isNull();
      s3.putBucketVersioning(r -> r.bucket(b).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
      assertThat(s3.getBucketVersioning(r -> r.bucket(b)).status()).isEqualTo(BucketVersioningStatus.ENABLED);

      String v1 = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("first")).versionId();
      String v2 = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("second")).versionId();
      assertThat(v1).isNotNull().isNotEqualTo(v2);

      ListObjectVersionsResponse list = s3.listObjectVersions(r -> r.bucket(b));
      assertThat(list.versions()).extracting(ObjectVersion::versionId, ObjectVersion::isLatest, ObjectVersion::size)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(v2, true, 6L),
              org.assertj.core.groups.Tuple.tuple(v1, false, 5L));

      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("k").versionId(v1)).asUtf8String()).isEqualTo("first");
      assertThat(s3.headObject(r -> r.bucket(b).key("k").versionId(v1)).versionId()).isEqualTo(v1);
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("k")).response().versionId()).isEqualTo(v2);

      CopyObjectResponse copy = s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").sourceVersionId(v1)
          .destinationBucket(b).destinationKey("restored"));
      assertThat(copy.copySourceVersionId()).isEqualTo(v1);
      assertThat(copy.versionId()).isNotNull();
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("restored")).asUtf8String()).isEqualTo("first");

      DeleteObjectResponse marker = s3.deleteObject(r -> r.bucket(b).key("k"));
      assertThat(marker.deleteMarker()).isTrue();
      assertThatThrownBy(() -> s3.getObject(r -> r.bucket(b).key("k"))).isInstanceOf(NoSuchKeyException.class);
      assertThatThrownBy(() -> s3.headObject(r -> r.bucket(b).key("k").versionId(marker.versionId())))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(405));
      list = s3.listObjectVersions(r -> r.bucket(b).prefix("k"));
      assertThat(list.deleteMarkers()).extracting(DeleteMarkerEntry::versionId, DeleteMarkerEntry::isLatest)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(marker.versionId(), true));
      assertThat(list.versions()).extracting(ObjectVersion::versionId).containsExactly(v2, v1);
      assertThat(s3.listObjectsV2(r -> r.bucket(b)).contents()).extracting(o -> o.key()).containsExactly("restored");

      DeleteObjectResponse removed = s3.deleteObject(r -> r.bucket(b).key("k").versionId(v2));
      assertThat(removed.versionId()).isEqualTo(v2);
      s3.deleteObject(r -> r.bucket(b).key("k").versionId(marker.versionId()));
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("k")).asUtf8String()).isEqualTo("first");

      assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket(b)))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
              .isEqualTo("BucketNotEmpty"));
      for (ObjectVersion v : s3.listObjectVersions(r -> r.bucket(b)).versions()) {
        s3.deleteObject(r -> r.bucket(b).key(v.key()).versionId(v.versionId()));
      }
      assertThat(s3.listObjectVersionsPaginator(r -> r.bucket(b).maxKeys(1)).versions().stream().toList()).isEmpty();
      s3.deleteBucket(r -> r.bucket(b));
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void paginatorWalksEveryVersion(String name, S3Server server) {
    try (S3Client s3 = Peers.sync(server)) {
      String b = SdkOperationsTest.bucket();
      s3.createBucket(r -> r.bucket(b));
      s3.putBucketVersioning(r -> r.bucket(b).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
      for (String key : List.of("a", "a", "b", "c", "c", "c")) {
        s3.putObject(r -> r.bucket(b).key(key), RequestBody.fromString(key));
      }
      List<String> keys = s3.listObjectVersionsPaginator(r -> r.bucket(b).maxKeys(2)).versions().stream()
          .map(ObjectVersion::key).toList();
      assertThat(keys).containsExactly("a", "a", "b", "c", "c", "c");
    }
  }
}
