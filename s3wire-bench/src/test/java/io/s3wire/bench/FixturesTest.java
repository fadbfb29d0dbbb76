package io.s3wire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.bench.fixtures.ListingDocument;
import io.s3wire.bench.fixtures.SdkListingParser;
import io.s3wire.bench.fixtures.SigningFixtures;
import io.s3wire.bench.fixtures.SigningFixtures.Shape;
import io.s3wire.xml.ListBucketResult;
import io.s3wire.xml.ObjectSummary;
import io.s3wire.xml.S3Xml;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The micro-benchmarks compare like with like: same signature, same parsed listing. */
class FixturesTest {
  @ParameterizedTest
  @EnumSource(Shape.class)
  void bothSignersProduceTheSameAuthorization(Shape shape) {
    String ours = SigningFixtures.signS3wire(SigningFixtures.s3wireRequest(shape)).headers()
        .first("Authorization").orElseThrow();
    String theirs = SigningFixtures.signSdk(AwsV4HttpSigner.create(), SigningFixtures.sdkRequest(shape)).request()
        .firstMatchingHeader("Authorization").orElseThrow();
    assertThat(ours).startsWith("AWS4-HMAC-SHA256 Credential=" + SigningFixtures.ACCESS_KEY
        + "/20240524/us-east-1/s3/aws4_request, SignedHeaders=");
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void putShapeSignsEveryObjectHeader() {
    String auth = SigningFixtures.signS3wire(SigningFixtures.s3wireRequest(Shape.PUT_OBJECT)).headers()
        .first("Authorization").orElseThrow();
    assertThat(auth).contains("SignedHeaders=content-length;content-md5;content-type;host;x-amz-content-sha256;"
        + "x-amz-date;x-amz-meta-camera;x-amz-storage-class,");
  }

  @Test
  void bothParsersReadTheSameThousandEntries() throws Exception {
    byte[] doc = ListingDocument.bytes();
    ListBucketResult ours = S3Xml.readListBucketResult(new ByteArrayInputStream(doc));
    ListObjectsV2Response theirs = new SdkListingParser().parse(doc);

    assertThat(ours.contents()).hasSize(ListingDocument.KEYS);
    assertThat(theirs.contents()).hasSize(ListingDocument.KEYS);
    assertThat(ours.truncated()).isTrue();
    assertThat(theirs.isTruncated()).isTrue();
    assertThat(ours.nextContinuationToken()).isEqualTo(theirs.nextContinuationToken())
        .isEqualTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
    List<ObjectSummary> a = ours.contents();
    List<S3Object> b = theirs.contents();
    for (int i = 0; i < ListingDocument.KEYS; i++) {
      assertThat(a.get(i).key()).isEqualTo(b.get(i).key()).isEqualTo(ListingDocument.key(i));
      assertThat(a.get(i).size()).isEqualTo(b.get(i).size()).isEqualTo(ListingDocument.size(i));
      assertThat(a.get(i).eTag()).isEqualTo(b.get(i).eTag()).isEqualTo('"' + ListingDocument.etag(i) + '"');
      assertThat(a.get(i).lastModified()).isEqualTo(b.get(i).lastModified())
          .isEqualTo(ListingDocument.lastModified(i));
    }
  }

  @Test
  void documentIsDeterministic() {
    assertThat(ListingDocument.bytes()).isEqualTo(ListingDocument.bytes());
  }
}
