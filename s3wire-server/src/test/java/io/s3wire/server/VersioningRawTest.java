package io.s3wire.server;

import static io.s3wire.server.RawS3.send;
import static io.s3wire.server.RawS3.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bucket versioning as raw requests against the memory and the file store: exact status codes,
 * error codes and version headers of PUT, GET, HEAD, DELETE, copy, tagging and the version listing.
 */
@Timeout(60)
class VersioningRawTest {
  private static final String ENABLED = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>";
  private static final String SUSPENDED = "<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>";
  private static final Pattern VERSION_ID = Pattern.compile("[0-9a-f]{32}");

  /** A test run once on the memory store and once on the file store. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  @interface OnBothStores {}

  @TempDir
  Path dir;
  S3Server server;

  private void start(String store) throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-07T10:15:30Z"), ZoneOffset.UTC);
    ObjectStore s = store.equals("file") ? ObjectStore.file(dir, clock) : ObjectStore.memory(clock);
    server = S3Server.builder().anonymous(true).clock(clock).checkRequestTime(false).store(s).start();
    assertThat(send(server, "PUT", "/bkt", null).statusCode()).isEqualTo(200);
  }

  /** {@link #start} with versioning enabled on the bucket. */
  private void startVersioned(String store) throws Exception {
    start(store);
    req("PUT", "/bkt?versioning", ENABLED);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
      server.store().close();
    }
  }

  private HttpResponse<byte[]> req(String method, String path, String body, String... headers) throws Exception {
    return send(server, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private String put(String key, String body) throws Exception {
    HttpResponse<byte[]> r = req("PUT", "/bkt/" + key, body);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    return r.headers().firstValue("x-amz-version-id").orElse(null);
  }

  private static void assertError(HttpResponse<byte[]> r, int status, String code) {
    assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
    assertThat(text(r)).contains("<Code>" + code + "</Code>");
  }

  private static String header(HttpResponse<byte[]> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  /** The listing's entries as "Version|DeleteMarker key versionId latest", in document order. */
  private static List<String> entries(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    Matcher m = Pattern.compile("<(Version|DeleteMarker)><Key>([^<]*)</Key><VersionId>([^<]*)</VersionId>"
        + "<IsLatest>([^<]*)</IsLatest>").matcher(text(r));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
    }
    return out;
  }

  private static String element(HttpResponse<byte[]> r, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(text(r));
    return m.find() ? m.group(1) : null;
  }

  @OnBothStores
  void versioningConfigurationIsStoredAndValidated(String store) throws Exception {
    start(store);
    assertThat(text(req("GET", "/bkt?versioning", null))).doesNotContain("<Status>");
    assertThat(req("PUT", "/bkt?versioning", ENABLED).statusCode()).isEqualTo(200);
    assertThat(element(req("GET", "/bkt?versioning", null), "Status")).isEqualTo("Enabled");
    assertError(req("PUT", "/bkt?versioning", "<VersioningConfiguration><Status>On</Status></VersioningConfiguration>"),
        400, "MalformedXML");
    assertError(req("PUT", "/bkt?versioning", "<VersioningConfiguration><Status>Enabled</Status>"
        + "<MfaDelete>Enabled</MfaDelete></VersioningConfiguration>"), 403, "AccessDenied");
    assertThat(req("PUT", "/bkt?versioning", "<VersioningConfiguration><Status>Suspended</Status>"
        + "<MfaDelete>Disabled</MfaDelete></VersioningConfiguration>").statusCode()).isEqualTo(200);
    assertThat(element(req("GET", "/bkt?versioning", null), "Status")).isEqualTo("Suspended");
    assertError(req("PUT", "/nobucket?versioning", ENABLED), 404, "NoSuchBucket");
  }

  @OnBothStores
  void objectLockEnabledBucketIsVersionedForGood(String store) throws Exception {
    start(store);
    assertThat(req("PUT", "/locked", null, "x-amz-bucket-object-lock-enabled", "true").statusCode()).isEqualTo(200);
    assertThat(element(req("GET", "/locked?versioning", null), "Status")).isEqualTo("Enabled");
    assertError(req("PUT", "/locked?versioning", SUSPENDED), 409, "InvalidBucketState");
    assertThat(req("PUT", "/locked?versioning", ENABLED).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> r = req("PUT", "/locked/k", "x");
    assertThat(header(r, "x-amz-version-id")).matches(VERSION_ID);
  }

  @OnBothStores
  void unversionedBucketReportsNoVersionIds(String store) throws Exception {
    start(store);
    assertThat(put("k", "one")).isNull();
    assertThat(put("k", "two")).isNull();
    HttpResponse<byte[]> get = req("GET", "/bkt/k", null);
    assertThat(header(get, "x-amz-version-id")).isNull();
    assertThat(entries(req("GET", "/bkt?versions", null))).containsExactly("Version k null true");
    assertThat(text(req("GET", "/bkt/k?versionId=null", null))).isEqualTo("two");
    HttpResponse<byte[]> del = req("DELETE", "/bkt/k", null);
    assertThat(del.statusCode()).isEqualTo(204);
    assertThat(header(del, "x-amz-delete-marker")).isNull();
    assertThat(entries(req("GET", "/bkt?versions", null))).isEmpty();
  }

  @OnBothStores
  void everyPutAddsAVersionReadableById(String store) throws Exception {
    startVersioned(store);
    String v1 = put("k", "one");
    String v2 = put("k", "two");
    assertThat(v1).matches(VERSION_ID).isNotEqualTo(v2);
    assertThat(v2).matches(VERSION_ID);
    HttpResponse<byte[]> latest = req("GET", "/bkt/k", null);
    assertThat(text(latest)).isEqualTo("two");
    assertThat(header(latest, "x-amz-version-id")).isEqualTo(v2);
    HttpResponse<byte[]> old = req("GET", "/bkt/k?versionId=" + v1, null);
    assertThat(text(old)).isEqualTo("one");
    assertThat(header(old, "x-amz-version-id")).isEqualTo(v1);
    HttpResponse<byte[]> head = req("HEAD", "/bkt/k?versionId=" + v1, null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(header(head, "content-length")).isEqualTo("3");
    assertThat(text(req("GET", "/bkt/k?versionId=" + v1, null, "range", "bytes=1-1"))).isEqualTo("n");
    assertError(req("GET", "/bkt/k?versionId=" + "0".repeat(32), null), 404, "NoSuchVersion");
    assertError(req("GET", "/bkt/k?versionId=not-a-version", null), 400, "InvalidArgument");
    assertError(req("GET", "/bkt/k?versionId=", null), 400, "InvalidArgument");
    assertThat(entries(req("GET", "/bkt?versions", null)))
        .containsExactly("Version k " + v2 + " true", "Version k " + v1 + " false");
    assertThat(text(req("GET", "/bkt?list-type=2", null))).contains("<KeyCount>1</KeyCount>");
  }

  @OnBothStores
  void deleteAddsAMarkerAndDeletingByIdRemovesForGood(String store) throws Exception {
    startVersioned(store);
    String v1 = put("k", "one");
    String v2 = put("k", "two");
    HttpResponse<byte[]> del = req("DELETE", "/bkt/k", null);
    assertThat(del.statusCode()).isEqualTo(204);
    assertThat(header(del, "x-amz-delete-marker")).isEqualTo("true");
    String marker = header(del, "x-amz-version-id");
    assertThat(marker).matches(VERSION_ID);

    HttpResponse<byte[]> get = req("GET", "/bkt/k", null);
    assertError(get, 404, "NoSuchKey");
    assertThat(header(get, "x-amz-delete-marker")).isEqualTo("true");
    HttpResponse<byte[]> head = req("HEAD", "/bkt/k", null);
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(header(head, "x-amz-delete-marker")).isEqualTo("true");
    HttpResponse<byte[]> byId = req("GET", "/bkt/k?versionId=" + marker, null);
    assertError(byId, 405, "MethodNotAllowed");
    assertThat(header(byId, "x-amz-delete-marker")).isEqualTo("true");
    assertThat(req("HEAD", "/bkt/k?versionId=" + marker, null).statusCode()).isEqualTo(405);
    assertThat(text(req("GET", "/bkt?list-type=2", null))).contains("<KeyCount>0</KeyCount>");
    assertThat(text(req("GET", "/bkt", null))).doesNotContain("<Contents>");
    assertThat(entries(req("GET", "/bkt?versions", null))).containsExactly("DeleteMarker k " + marker + " true",
        "Version k " + v2 + " false", "Version k " + v1 + " false");
    assertError(req("DELETE", "/bkt", null), 409, "BucketNotEmpty");

    HttpResponse<byte[]> undelete = req("DELETE", "/bkt/k?versionId=" + marker, null);
    assertThat(undelete.statusCode()).isEqualTo(204);
    assertThat(header(undelete, "x-amz-delete-marker")).isEqualTo("true");
    assertThat(header(undelete, "x-amz-version-id")).isEqualTo(marker);
    assertThat(text(req("GET", "/bkt/k", null))).isEqualTo("two");

    HttpResponse<byte[]> gone = req("DELETE", "/bkt/k?versionId=" + v2, null);
    assertThat(gone.statusCode()).isEqualTo(204);
    assertThat(header(gone, "x-amz-version-id")).isEqualTo(v2);
    assertThat(header(gone, "x-amz-delete-marker")).isNull();
    assertThat(text(req("GET", "/bkt/k", null))).isEqualTo("one");
    assertError(req("GET", "/bkt/k?versionId=" + v2, null), 404, "NoSuchVersion");
    assertThat(req("DELETE", "/bkt/k?versionId=" + v2, null).statusCode()).isEqualTo(204);
    assertError(req("DELETE", "/bkt/k?versionId=bad", null), 400, "InvalidArgument");

    assertThat(req("DELETE", "/bkt/k?versionId=" + v1, null).statusCode()).isEqualTo(204);
    assertThat(entries(req("GET", "/bkt?versions", null))).isEmpty();
    assertThat(req("DELETE", "/bkt", null).statusCode()).isEqualTo(204);
  }

  @OnBothStores
  void suspendedVersioningReplacesOnlyTheNullVersion(String store) throws Exception {
    start(store);
    String before = put("k", "unversioned");
    assertThat(before).isNull();
    req("PUT", "/bkt?versioning", ENABLED);
    String v1 = put("k", "one");
    req("PUT", "/bkt?versioning", SUSPENDED);
    assertThat(entries(req("GET", "/bkt?versions", null)))
        .containsExactly("Version k " + v1 + " true", "Version k null false");
    assertThat(put("k", "two")).isEqualTo("null");
    assertThat(put("k", "three")).isEqualTo("null");
    assertThat(entries(req("GET", "/bkt?versions", null)))
        .containsExactly("Version k null true", "Version k " + v1 + " false");
    assertThat(text(req("GET", "/bkt/k?versionId=null", null))).isEqualTo("three");
    HttpResponse<byte[]> del = req("DELETE", "/bkt/k", null);
    assertThat(header(del, "x-amz-delete-marker")).isEqualTo("true");
    assertThat(header(del, "x-amz-version-id")).isEqualTo("null");
    assertThat(entries(req("GET", "/bkt?versions", null)))
        .containsExactly("DeleteMarker k null true", "Version k " + v1 + " false");
    assertThat(text(req("GET", "/bkt/k?versionId=" + v1, null))).isEqualTo("one");
  }

  @OnBothStores
  void versionListingPagesByKeyAndVersionMarkers(String store) throws Exception {
    startVersioned(store);
    List<String> expected = new ArrayList<>();
    String a1 = put("a", "1");
    String a2 = put("a", "2");
    String a3 = put("a", "3");
    expected.addAll(List.of("Version a " + a3 + " true", "Version a " + a2 + " false", "Version a " + a1 + " false"));
    String b1 = put("b%20c", "1");
    expected.add("Version b c " + b1 + " true");
    String c1 = put("c/x", "1");
    HttpResponse<byte[]> del = req("DELETE", "/bkt/c/x", null);
    expected.addAll(List.of("DeleteMarker c/x " + header(del, "x-amz-version-id") + " true",
        "Version c/x " + c1 + " false"));
    String d1 = put("c/y", "1");
    expected.add("Version c/y " + d1 + " true");

    List<String> seen = new ArrayList<>();
    String keyMarker = "";
    String versionMarker = "";
    for (int pages = 0; pages < 10; pages++) {
      HttpResponse<byte[]> r = req("GET", "/bkt?versions&max-keys=2&key-marker=" + keyMarker.replace(" ", "%20")
          + "&version-id-marker=" + versionMarker, null);
      List<String> page = entries(r);
      assertThat(page).hasSizeLessThanOrEqualTo(2);
      seen.addAll(page);
      if (!"true".equals(element(r, "IsTruncated"))) {
        break;
      }
      keyMarker = element(r, "NextKeyMarker");
      versionMarker = element(r, "NextVersionIdMarker");
    }
    assertThat(seen).containsExactlyElementsOf(expected);

    HttpResponse<byte[]> rolled = req("GET", "/bkt?versions&delimiter=/", null);
    assertThat(entries(rolled)).containsExactlyElementsOf(expected.subList(0, 4));
    assertThat(text(rolled)).contains("<CommonPrefixes><Prefix>c/</Prefix></CommonPrefixes>");
    HttpResponse<byte[]> prefixed = req("GET", "/bkt?versions&prefix=c/&max-keys=1", null);
    assertThat(entries(prefixed)).containsExactly(expected.get(4));
    assertThat(element(prefixed, "NextKeyMarker")).isEqualTo("c/x");
    HttpResponse<byte[]> url = req("GET", "/bkt?versions&prefix=b&encoding-type=url", null);
    assertThat(text(url)).contains("<Key>b%20c</Key>").contains("<EncodingType>url</EncodingType>");
    assertError(req("GET", "/bkt?versions&version-id-marker=" + a1, null), 400, "InvalidArgument");
  }

  @OnBothStores
  void copiesTagsAndAttributesAddressVersions(String store) throws Exception {
    startVersioned(store);
    String v1 = put("k", "one");
    String v2 = put("k", "two");
    HttpResponse<byte[]> copy = req("PUT", "/bkt/copy", null, "x-amz-copy-source", "/bkt/k?versionId=" + v1);
    assertThat(copy.statusCode()).as(text(copy)).isEqualTo(200);
    assertThat(header(copy, "x-amz-copy-source-version-id")).isEqualTo(v1);
    assertThat(header(copy, "x-amz-version-id")).matches(VERSION_ID);
    assertThat(text(req("GET", "/bkt/copy", null))).isEqualTo("one");
    // Restoring an older version onto its own key is a copy S3 allows.
    HttpResponse<byte[]> restore = req("PUT", "/bkt/k", null, "x-amz-copy-source", "/bkt/k?versionId=" + v1);
    assertThat(restore.statusCode()).as(text(restore)).isEqualTo(200);
    assertThat(text(req("GET", "/bkt/k", null))).isEqualTo("one");
    assertError(req("PUT", "/bkt/copy", null, "x-amz-copy-source", "/bkt/k?versionId=" + "1".repeat(32)), 404,
        "NoSuchVersion");
    String marker = header(req("DELETE", "/bkt/k", null), "x-amz-version-id");
    assertError(req("PUT", "/bkt/copy", null, "x-amz-copy-source", "/bkt/k?versionId=" + marker), 400, "InvalidRequest");
    assertError(req("PUT", "/bkt/copy", null, "x-amz-copy-source", "/bkt/k"), 404, "NoSuchKey");

    HttpResponse<byte[]> tag = req("PUT", "/bkt/k?tagging&versionId=" + v2,
        "<Tagging><TagSet><Tag><Key>t</Key><Value>2</Value></Tag></TagSet></Tagging>");
    assertThat(tag.statusCode()).as(text(tag)).isEqualTo(200);
    assertThat(header(tag, "x-amz-version-id")).isEqualTo(v2);
    assertThat(text(req("GET", "/bkt/k?tagging&versionId=" + v2, null))).contains("<Key>t</Key><Value>2</Value>");
    assertThat(text(req("GET", "/bkt/k?tagging&versionId=" + v1, null))).doesNotContain("<Tag>");
    assertError(req("GET", "/bkt/k?tagging&versionId=" + marker, null), 405, "MethodNotAllowed");

    HttpResponse<byte[]> attrs = req("GET", "/bkt/k?attributes&versionId=" + v1, null,
        "x-amz-object-attributes", "ObjectSize");
    assertThat(attrs.statusCode()).as(text(attrs)).isEqualTo(200);
    assertThat(element(attrs, "ObjectSize")).isEqualTo("3");
    assertThat(header(attrs, "x-amz-version-id")).isEqualTo(v1);
  }

  @OnBothStores
  void multiObjectDeleteReportsVersionsAndMarkers(String store) throws Exception {
    startVersioned(store);
    String v1 = put("k", "one");
    put("other", "x");
    String body = "<Delete><Object><Key>k</Key><VersionId>" + v1 + "</VersionId></Object>"
        + "<Object><Key>other</Key></Object></Delete>";
    HttpResponse<byte[]> r = req("POST", "/bkt?delete", body, "content-md5", md5(body));
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    assertThat(text(r)).contains("<Deleted><Key>k</Key><VersionId>" + v1 + "</VersionId></Deleted>");
    Matcher m = Pattern.compile("<Deleted><Key>other</Key><DeleteMarker>true</DeleteMarker>"
        + "<DeleteMarkerVersionId>([0-9a-f]{32})</DeleteMarkerVersionId></Deleted>").matcher(text(r));
    assertThat(m.find()).as(text(r)).isTrue();
    assertThat(entries(req("GET", "/bkt?versions", null))).containsExactly(
        "DeleteMarker other " + m.group(1) + " true", "Version other " + header(req("HEAD", "/bkt/other?versionId="
            + versionOf("other"), null), "x-amz-version-id") + " false");
  }

  private String versionOf(String key) throws Exception {
    Matcher m = Pattern.compile("<Version><Key>" + key + "</Key><VersionId>([^<]*)<").matcher(
        text(req("GET", "/bkt?versions", null)));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @OnBothStores
  void completedMultipartUploadIsANewVersion(String store) throws Exception {
    startVersioned(store);
    String v1 = put("k", "one");
    String id = element(req("POST", "/bkt/k?uploads", null), "UploadId");
    HttpResponse<byte[]> part = req("PUT", "/bkt/k?partNumber=1&uploadId=" + id, "part");
    String etag = header(part, "etag");
    HttpResponse<byte[]> done = req("POST", "/bkt/k?uploadId=" + id, "<CompleteMultipartUpload><Part><PartNumber>1"
        + "</PartNumber><ETag>" + etag + "</ETag></Part></CompleteMultipartUpload>");
    assertThat(done.statusCode()).as(text(done)).isEqualTo(200);
    String v2 = header(done, "x-amz-version-id");
    assertThat(v2).matches(VERSION_ID).isNotEqualTo(v1);
    assertThat(text(req("GET", "/bkt/k", null))).isEqualTo("part");
    assertThat(text(req("GET", "/bkt/k?versionId=" + v1, null))).isEqualTo("one");
    assertThat(req("GET", "/bkt/k?versionId=" + v2 + "&partNumber=1", null).statusCode()).isEqualTo(206);
  }

  private static String md5(String body) throws Exception {
    return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5")
        .digest(body.getBytes(StandardCharsets.UTF_8)));
  }

  static Stream<String> stores() {
    return Stream.of("memory", "file");
  }
}
