package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Listing parameters S3 accepts where a stricter reading would refuse them. */
@Timeout(60)
class ListingParametersTest {
  static S3Server server;

  @BeforeAll
  static void start() throws Exception {
    server = Peers.onOneDigitDay().start();
    server.store().createBucket("params");
    for (String key : List.of("bar", "baz", "dir/a", "dir/b", "foo", "quxx")) {
      server.store().putObject("params", key, ObjectAttributes.empty(), new ByteArrayInputStream(new byte[] {1}));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anEmptyContinuationTokenListsFromTheStartAndIsEchoed() throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("params").continuationToken(""));
      assertThat(r.continuationToken()).isEmpty();
      assertThat(r.isTruncated()).isFalse();
      assertThat(r.contents()).extracting(S3Object::key).containsExactly("bar", "baz", "dir/a", "dir/b", "foo", "quxx");
    }
    HttpResponse<String> raw = AuthTest.signedGet(server, "/params", "continuation-token=&list-type=2&start-after=foo",
        server.accessKey(), server.secretKey(), "us-east-1");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("<ContinuationToken></ContinuationToken>").contains("<Key>quxx</Key>")
        .doesNotContain("<Key>foo</Key>");
  }

  /**
   * allow-unordered is Ceph RGW's extension (its s3-tests mark the unordered tests fails_on_aws);
   * S3's ListObjectsV2 for general-purpose buckets has no such parameter and ignores it, so the
   * listing stays ordered and a delimiter still applies.
   */
  @Test
  void allowUnorderedIsIgnoredAsGeneralPurposeBucketsIgnoreIt() throws Exception {
    HttpResponse<String> raw = AuthTest.signedGet(server, "/params", "allow-unordered=true&delimiter=%2F&list-type=2",
        server.accessKey(), server.secretKey(), "us-east-1");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("<Key>bar</Key><LastModified>").contains("<CommonPrefixes><Prefix>dir/</Prefix>")
        .doesNotContain("<Key>dir/a</Key>");
    assertThat(raw.body().indexOf("<Key>bar</Key>")).isLessThan(raw.body().indexOf("<Key>baz</Key>"));
  }
}
