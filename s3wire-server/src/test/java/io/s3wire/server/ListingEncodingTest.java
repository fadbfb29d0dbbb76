package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code encoding-type=url} in listings as S3 writes it: a space is {@code %20} (never {@code +}), a
 * plus {@code %2B}, a slash stays; in every element that carries a key or part of one, in
 * ListObjects, ListObjectsV2, ListObjectVersions and ListMultipartUploads. The keys are those of
 * ceph/s3-tests test_bucket_list_encoding_basic.
 */
@Timeout(60)
class ListingEncodingTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static S3Server server;

  @BeforeAll
  static void start() throws Exception {
    server = Peers.onOneDigitDay().start();
    server.store().createBucket("enc");
    for (String key : List.of("foo+1/bar", "foo/bar/xyzzy", "quux ab/thud", "asdf+b")) {
      server.store().putObject("enc", key, ObjectAttributes.empty(), new ByteArrayInputStream(new byte[] {1}));
    }
    server.store().createMultipartUpload("enc", "quux ab/thud", ObjectAttributes.empty());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String list(String query) throws Exception {
    HttpResponse<String> r = AuthTest.signedGet(server, "/enc", query, server.accessKey(), server.secretKey(),
        "us-east-1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void v2EncodesKeysPrefixesDelimiterAndStartAfter() throws Exception {
    String all = list("delimiter=%2F&encoding-type=url&list-type=2");
    assertThat(all).contains("<Delimiter>/</Delimiter><EncodingType>url</EncodingType>")
        .contains("<Key>asdf%2Bb</Key>")
        .contains("<CommonPrefixes><Prefix>foo%2B1/</Prefix></CommonPrefixes>"
            + "<CommonPrefixes><Prefix>foo/</Prefix></CommonPrefixes>"
            + "<CommonPrefixes><Prefix>quux%20ab/</Prefix></CommonPrefixes>")
        .doesNotContain("+");
    assertThat(list("encoding-type=url&list-type=2&prefix=quux%20ab%2F&start-after=quux%20a"))
        .contains("<Prefix>quux%20ab/</Prefix>").contains("<StartAfter>quux%20a</StartAfter>")
        .contains("<Key>quux%20ab/thud</Key>");
    assertThat(list("delimiter=%20&encoding-type=url&list-type=2")).contains("<Delimiter>%20</Delimiter>")
        .contains("<Prefix>quux%20</Prefix>");
  }

  @Test
  void v1EncodesMarkerAndNextMarker() throws Exception {
    String page = list("delimiter=%2F&encoding-type=url&marker=foo%2B1%2F&max-keys=1");
    assertThat(page).contains("<Marker>foo%2B1/</Marker>").contains("<NextMarker>foo/</NextMarker>");
    String last = list("delimiter=%2F&encoding-type=url&marker=foo%2F&max-keys=1");
    assertThat(last).contains("<Marker>foo/</Marker>")
        .contains("<CommonPrefixes><Prefix>quux%20ab/</Prefix></CommonPrefixes>");
  }

  @Test
  void versionsAndUploadsEncodeToo() throws Exception {
    assertThat(list("encoding-type=url&key-marker=quux%20a&versions")).contains("<KeyMarker>quux%20a</KeyMarker>")
        .contains("<Key>quux%20ab/thud</Key>");
    String uploads = list("encoding-type=url&prefix=quux%20&uploads");
    assertThat(uploads).contains("<Prefix>quux%20</Prefix>").contains("<EncodingType>url</EncodingType>")
        .contains("<Key>quux%20ab/thud</Key>").doesNotContain("+");
  }

  @Test
  void theSdkDecodesWhatWeWrite() {
    try (S3Client s3 = Peers.apache(server)) {
      var r = s3.listObjectsV2(b -> b.bucket("enc").delimiter("/").encodingType(EncodingType.URL));
      assertThat(r.contents()).extracting(S3Object::key).containsExactly("asdf+b");
      assertThat(r.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("foo+1/", "foo/", "quux ab/");
    }
  }
}
