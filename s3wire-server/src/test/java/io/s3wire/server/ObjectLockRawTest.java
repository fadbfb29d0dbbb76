package io.s3wire.server;

import static io.s3wire.server.RawS3.send;
import static io.s3wire.server.RawS3.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Object lock of single versions as raw requests against the memory and the file store: retention
 * and legal hold by key and by version id, the lock headers of writes and reads, the bucket's
 * default retention, the rules for changing a retention, and deletes refused while a version is
 * locked, with S3's exact status and error codes. The server's clock is pinned and moved by the test.
 */
@Timeout(60)
class ObjectLockRawTest {
  private static final Instant NOW = Instant.parse("2026-03-07T10:15:30Z");
  private static final String IN_A_DAY = "2026-03-08T10:15:30.000Z";
  private static final String IN_TEN_DAYS = "2026-03-17T10:15:30.000Z";
  private static final String BYPASS = "x-amz-bypass-governance-retention";

  @TempDir
  Path dir;
  S3Server server;
  final SettableClock clock = new SettableClock(NOW);

  /** A clock the test moves; the server and the store read it. */
  static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private void start(String store) throws Exception {
    ObjectStore s = store.equals("file") ? ObjectStore.file(dir, clock) : ObjectStore.memory(clock);
    server = S3Server.builder().anonymous(true).clock(clock).checkRequestTime(false).store(s).start();
    assertThat(req("PUT", "/locked", null, "x-amz-bucket-object-lock-enabled", "true").statusCode()).isEqualTo(200);
    assertThat(req("PUT", "/plain", null).statusCode()).isEqualTo(200);
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

  /** A PUT of an XML document with the Content-MD5 S3 requires for lock documents. */
  private HttpResponse<byte[]> putXml(String path, String body, String... headers) throws Exception {
    return req("PUT", path, body, withMd5(body, headers));
  }

  private static String[] withMd5(String body, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "content-md5";
    all[1] = md5(body);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  /** A PutObject with the Content-MD5 S3 requires of uploads that get a lock. */
  private String put(String path, String body, String... headers) throws Exception {
    HttpResponse<byte[]> r = putXml(path, body, headers);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    return r.headers().firstValue("x-amz-version-id").orElseThrow();
  }

  private static String retention(String mode, String until) {
    return "<Retention><Mode>" + mode + "</Mode><RetainUntilDate>" + until + "</RetainUntilDate></Retention>";
  }

  private static String legalHold(String status) {
    return "<LegalHold><Status>" + status + "</Status></LegalHold>";
  }

  private static void assertStatus(HttpResponse<byte[]> r, int status) {
    assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
  }

  private static void assertError(HttpResponse<byte[]> r, int status, String code) {
    assertStatus(r, status);
    assertThat(text(r)).contains("<Code>" + code + "</Code>");
  }

  private static String header(HttpResponse<byte[]> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  private static String element(HttpResponse<byte[]> r, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(text(r));
    return m.find() ? m.group(1) : null;
  }

  private static String md5(String body) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
        .digest(body.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void lockOperationsNeedABucketWithObjectLock(String store) throws Exception {
    start(store);
    put("/locked/k", "x");
    assertThat(req("PUT", "/plain?versioning",
        "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>").statusCode()).isEqualTo(200);
    put("/plain/k", "x");
    HttpResponse<byte[]> r = putXml("/plain/k?retention", retention("GOVERNANCE", IN_A_DAY));
    assertError(r, 400, "InvalidRequest");
    assertThat(text(r)).contains("Bucket is missing Object Lock Configuration");
    assertError(req("GET", "/plain/k?retention", null), 400, "InvalidRequest");
    assertError(putXml("/plain/k?legal-hold", legalHold("ON")), 400, "InvalidRequest");
    assertError(req("GET", "/plain/k?legal-hold", null), 400, "InvalidRequest");
    assertError(req("PUT", "/plain/k2", "x", "x-amz-object-lock-legal-hold", "ON"), 400, "InvalidRequest");
    assertError(req("PUT", "/plain/k2", "x", "x-amz-object-lock-mode", "GOVERNANCE",
        "x-amz-object-lock-retain-until-date", IN_A_DAY), 400, "InvalidRequest");
    assertError(putXml("/nobucket/k?retention", retention("GOVERNANCE", IN_A_DAY)), 404, "NoSuchBucket");
    assertError(putXml("/locked/absent?retention", retention("GOVERNANCE", IN_A_DAY)), 404, "NoSuchKey");
    assertError(req("GET", "/locked/k?retention", null), 404, "NoSuchObjectLockConfiguration");
    assertError(req("GET", "/locked/k?legal-hold", null), 404, "NoSuchObjectLockConfiguration");
    assertError(req("DELETE", "/locked/k?retention", null), 405, "MethodNotAllowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void malformedDocumentsAndHeadersAreRefused(String store) throws Exception {
    start(store);
    put("/locked/k", "x");
    assertError(putXml("/locked/k?retention", retention("FOREVER", IN_A_DAY)), 400, "MalformedXML");
    assertError(putXml("/locked/k?retention", "<Retention><Mode>GOVERNANCE</Mode></Retention>"), 400, "MalformedXML");
    assertError(putXml("/locked/k?retention", retention("GOVERNANCE", "tomorrow")), 400, "MalformedXML");
    assertError(putXml("/locked/k?retention", "<Retention><Mode>GOVERNANCE"), 400, "MalformedXML");
    assertError(putXml("/locked/k?legal-hold", legalHold("MAYBE")), 400, "MalformedXML");
    assertError(putXml("/locked/k?legal-hold", "<Hold><Status>ON</Status></Hold>"), 400, "MalformedXML");
    HttpResponse<byte[]> past = putXml("/locked/k?retention", retention("GOVERNANCE", "2026-03-07T10:15:29Z"));
    assertError(past, 400, "InvalidArgument");
    assertThat(text(past)).contains("The retain until date must be in the future!");
    assertError(req("PUT", "/locked/k?retention", retention("GOVERNANCE", IN_A_DAY)), 400, "InvalidRequest");

    assertError(req("PUT", "/locked/h", "x", "x-amz-object-lock-mode", "GOVERNANCE"), 400, "InvalidArgument");
    assertError(req("PUT", "/locked/h", "x", "x-amz-object-lock-mode", "SOMETIMES",
        "x-amz-object-lock-retain-until-date", IN_A_DAY), 400, "InvalidArgument");
    assertError(req("PUT", "/locked/h", "x", "x-amz-object-lock-mode", "GOVERNANCE",
        "x-amz-object-lock-retain-until-date", "2026-03-01T00:00:00Z"), 400, "InvalidArgument");
    assertError(req("PUT", "/locked/h", "x", "x-amz-object-lock-mode", "GOVERNANCE",
        "x-amz-object-lock-retain-until-date", "soon"), 400, "InvalidArgument");
    assertError(req("PUT", "/locked/h", "x", "x-amz-object-lock-legal-hold", "on-ish"), 400, "InvalidArgument");
    assertError(req("GET", "/locked/h", null), 404, "NoSuchKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void retentionAndLegalHoldAreKeptPerVersionAndEchoed(String store) throws Exception {
    start(store);
    String v1 = put("/locked/k", "one", "x-amz-object-lock-mode", "GOVERNANCE",
        "x-amz-object-lock-retain-until-date", IN_A_DAY, "x-amz-object-lock-legal-hold", "ON");
    HttpResponse<byte[]> head = req("HEAD", "/locked/k", null);
    assertThat(header(head, "x-amz-object-lock-mode")).isEqualTo("GOVERNANCE");
    assertThat(header(head, "x-amz-object-lock-retain-until-date")).isEqualTo(IN_A_DAY);
    assertThat(header(head, "x-amz-object-lock-legal-hold")).isEqualTo("ON");
    HttpResponse<byte[]> get = req("GET", "/locked/k?retention", null);
    assertStatus(get, 200);
    assertThat(element(get, "Mode")).isEqualTo("GOVERNANCE");
    assertThat(element(get, "RetainUntilDate")).isEqualTo(IN_A_DAY);
    assertThat(element(req("GET", "/locked/k?legal-hold", null), "Status")).isEqualTo("ON");

    // A PUT over a locked key adds a version; the new one has no lock of its own.
    String v2 = put("/locked/k", "two");
    assertThat(v2).isNotEqualTo(v1);
    assertThat(header(req("GET", "/locked/k", null), "x-amz-object-lock-mode")).isNull();
    assertError(req("GET", "/locked/k?retention", null), 404, "NoSuchObjectLockConfiguration");
    assertThat(element(req("GET", "/locked/k?versionId=" + v1 + "&retention", null), "Mode")).isEqualTo("GOVERNANCE");

    assertStatus(putXml("/locked/k?retention", retention("COMPLIANCE", IN_TEN_DAYS)), 200);
    assertStatus(putXml("/locked/k?legal-hold&versionId=" + v1, legalHold("OFF")), 200);
    assertThat(element(req("GET", "/locked/k?legal-hold&versionId=" + v1, null), "Status")).isEqualTo("OFF");
    HttpResponse<byte[]> latest = req("GET", "/locked/k?retention", null);
    assertThat(element(latest, "Mode")).isEqualTo("COMPLIANCE");
    assertThat(element(latest, "RetainUntilDate")).isEqualTo(IN_TEN_DAYS);
    HttpResponse<byte[]> old = req("GET", "/locked/k?versionId=" + v1, null);
    assertThat(text(old)).isEqualTo("one");
    assertThat(header(old, "x-amz-object-lock-legal-hold")).isEqualTo("OFF");
    assertThat(header(old, "x-amz-object-lock-mode")).isEqualTo("GOVERNANCE");
    assertError(req("GET", "/locked/k?retention&versionId=" + "0".repeat(32), null), 404, "NoSuchVersion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void complianceRetentionCanOnlyBeExtended(String store) throws Exception {
    start(store);
    put("/locked/k", "x", "x-amz-object-lock-mode", "COMPLIANCE", "x-amz-object-lock-retain-until-date", IN_TEN_DAYS);
    assertError(putXml("/locked/k?retention", retention("COMPLIANCE", IN_A_DAY)), 403, "AccessDenied");
    assertError(putXml("/locked/k?retention", retention("COMPLIANCE", IN_A_DAY), BYPASS, "true"), 403, "AccessDenied");
    assertError(putXml("/locked/k?retention", retention("GOVERNANCE", IN_TEN_DAYS), BYPASS, "true"), 403,
        "AccessDenied");
    assertError(putXml("/locked/k?retention", "<Retention/>", BYPASS, "true"), 403, "AccessDenied");
    assertStatus(putXml("/locked/k?retention", retention("COMPLIANCE", "2026-04-01T00:00:00Z")), 200);
    assertThat(element(req("GET", "/locked/k?retention", null), "RetainUntilDate")).isEqualTo("2026-04-01T00:00:00.000Z");
    // Once it has ended, a retention is no longer in force and may be set anew.
    clock.advance(Duration.ofDays(30));
    assertStatus(putXml("/locked/k?retention", retention("GOVERNANCE", "2026-04-07T00:00:00Z")), 200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void governanceRetentionIsShortenedOrRemovedOnlyWithBypass(String store) throws Exception {
    start(store);
    put("/locked/k", "x", "x-amz-object-lock-mode", "GOVERNANCE", "x-amz-object-lock-retain-until-date", IN_TEN_DAYS);
    assertError(putXml("/locked/k?retention", retention("GOVERNANCE", IN_A_DAY)), 403, "AccessDenied");
    assertError(putXml("/locked/k?retention", "<Retention/>"), 403, "AccessDenied");
    assertStatus(putXml("/locked/k?retention", retention("GOVERNANCE", IN_A_DAY), BYPASS, "true"), 200);
    assertThat(element(req("GET", "/locked/k?retention", null), "RetainUntilDate")).isEqualTo(IN_A_DAY);
    assertStatus(putXml("/locked/k?retention", "<Retention/>", BYPASS, "true"), 200);
    assertError(req("GET", "/locked/k?retention", null), 404, "NoSuchObjectLockConfiguration");
    // Extending, or turning GOVERNANCE into COMPLIANCE, needs no bypass.
    assertStatus(putXml("/locked/k?retention", retention("GOVERNANCE", IN_A_DAY)), 200);
    assertStatus(putXml("/locked/k?retention", retention("COMPLIANCE", IN_A_DAY)), 200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void lockedVersionsAreNotDeleted(String store) throws Exception {
    start(store);
    String compliance = put("/locked/k", "c", "x-amz-object-lock-mode", "COMPLIANCE",
        "x-amz-object-lock-retain-until-date", IN_A_DAY);
    String governance = put("/locked/k", "g", "x-amz-object-lock-mode", "GOVERNANCE",
        "x-amz-object-lock-retain-until-date", IN_TEN_DAYS);
    String held = put("/locked/k", "h", "x-amz-object-lock-legal-hold", "ON");

    HttpResponse<byte[]> refused = req("DELETE", "/locked/k?versionId=" + compliance, null);
    assertError(refused, 403, "AccessDenied");
    assertError(req("DELETE", "/locked/k?versionId=" + compliance, null, BYPASS, "true"), 403, "AccessDenied");
    assertError(req("DELETE", "/locked/k?versionId=" + governance, null), 403, "AccessDenied");
    assertError(req("DELETE", "/locked/k?versionId=" + held, null, BYPASS, "true"), 403, "AccessDenied");

    HttpResponse<byte[]> marker = req("DELETE", "/locked/k", null);
    assertStatus(marker, 204);
    assertThat(header(marker, "x-amz-delete-marker")).isEqualTo("true");
    assertStatus(req("DELETE", "/locked/k?versionId=" + header(marker, "x-amz-version-id"), null), 204);

    assertStatus(req("DELETE", "/locked/k?versionId=" + governance, null, BYPASS, "true"), 204);
    assertStatus(putXml("/locked/k?legal-hold&versionId=" + held, legalHold("OFF")), 200);
    assertStatus(req("DELETE", "/locked/k?versionId=" + held, null), 204);
    assertThat(text(req("GET", "/locked/k", null))).isEqualTo("c");
    clock.advance(Duration.ofDays(1).minusSeconds(1));
    assertError(req("DELETE", "/locked/k?versionId=" + compliance, null), 403, "AccessDenied");
    clock.advance(Duration.ofSeconds(1)); // the retain-until date reached: the retention has ended
    assertStatus(req("DELETE", "/locked/k?versionId=" + compliance, null), 204);
    assertError(req("GET", "/locked/k", null), 404, "NoSuchKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void deleteObjectsReportsLockedVersions(String store) throws Exception {
    start(store);
    String locked = put("/locked/a", "a", "x-amz-object-lock-legal-hold", "ON");
    String free = put("/locked/b", "b");
    String body = "<Delete><Object><Key>a</Key><VersionId>" + locked + "</VersionId></Object>"
        + "<Object><Key>b</Key><VersionId>" + free + "</VersionId></Object><Object><Key>a</Key></Object></Delete>";
    HttpResponse<byte[]> r = req("POST", "/locked?delete", body, "content-md5", md5(body));
    assertStatus(r, 200);
    assertThat(text(r)).contains("<Error><Key>a</Key><VersionId>" + locked + "</VersionId><Code>AccessDenied</Code>")
        .contains("<Deleted><Key>b</Key><VersionId>" + free + "</VersionId></Deleted>")
        .contains("<Deleted><Key>a</Key><DeleteMarker>true</DeleteMarker>");
    assertThat(text(req("GET", "/locked/a?versionId=" + locked, null))).isEqualTo("a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void bucketDefaultRetentionLocksNewVersions(String store) throws Exception {
    start(store);
    String days = "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention>"
        + "<Mode>GOVERNANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>";
    assertStatus(putXml("/locked?object-lock", days), 200);
    String v = put("/locked/d", "x");
    HttpResponse<byte[]> head = req("HEAD", "/locked/d", null);
    assertThat(header(head, "x-amz-object-lock-mode")).isEqualTo("GOVERNANCE");
    assertThat(header(head, "x-amz-object-lock-retain-until-date")).isEqualTo(IN_A_DAY);
    assertError(req("DELETE", "/locked/d?versionId=" + v, null), 403, "AccessDenied");

    assertStatus(putXml("/locked?object-lock", days.replace("GOVERNANCE", "COMPLIANCE").replace("Days", "Years")), 200);
    HttpResponse<byte[]> years = putXml("/locked/y", "x");
    assertStatus(years, 200);
    assertThat(element(req("GET", "/locked/y?retention", null), "RetainUntilDate")).isEqualTo("2027-03-07T10:15:30.000Z");
    assertThat(element(req("GET", "/locked/y?retention", null), "Mode")).isEqualTo("COMPLIANCE");
    // A browser-form upload is a new version too.
    HttpResponse<String> form = PostForms.post(PostForms.client(server, java.net.http.HttpClient.Version.HTTP_1_1),
        server, "/locked", PostForms.form().field("key", "form").file("f", null, "x".getBytes(StandardCharsets.UTF_8))
            .body());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(204);
    assertThat(element(req("GET", "/locked/form?retention", null), "Mode")).isEqualTo("COMPLIANCE");
    // The request's own retention wins over the default.
    put("/locked/own", "x", "x-amz-object-lock-mode", "GOVERNANCE", "x-amz-object-lock-retain-until-date", IN_TEN_DAYS);
    assertThat(element(req("GET", "/locked/own?retention", null), "Mode")).isEqualTo("GOVERNANCE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void copiesAndMultipartUploadsTakeTheRequestsLock(String store) throws Exception {
    start(store);
    put("/locked/src", "data", "x-amz-object-lock-mode", "COMPLIANCE", "x-amz-object-lock-retain-until-date", IN_A_DAY,
        "x-amz-object-lock-legal-hold", "ON");
    // A copy does not inherit the source's lock...
    assertStatus(req("PUT", "/locked/plain-copy", null, "x-amz-copy-source", "/locked/src"), 200);
    HttpResponse<byte[]> plain = req("HEAD", "/locked/plain-copy", null);
    assertThat(header(plain, "x-amz-object-lock-mode")).isNull();
    assertThat(header(plain, "x-amz-object-lock-legal-hold")).isNull();
    assertStatus(req("PUT", "/plain/copy", null, "x-amz-copy-source", "/locked/src"), 200);
    assertThat(header(req("HEAD", "/plain/copy", null), "x-amz-object-lock-mode")).isNull();
    // ...but takes its own.
    assertStatus(req("PUT", "/locked/locked-copy", null, "x-amz-copy-source", "/locked/src",
        "x-amz-object-lock-mode", "GOVERNANCE", "x-amz-object-lock-retain-until-date", IN_TEN_DAYS), 200);
    assertThat(element(req("GET", "/locked/locked-copy?retention", null), "Mode")).isEqualTo("GOVERNANCE");

    String id = element(req("POST", "/locked/mp?uploads", null, "x-amz-object-lock-legal-hold", "ON"), "UploadId");
    String etag = header(req("PUT", "/locked/mp?partNumber=1&uploadId=" + id, "part"), "etag");
    HttpResponse<byte[]> done = req("POST", "/locked/mp?uploadId=" + id, "<CompleteMultipartUpload><Part><PartNumber>1"
        + "</PartNumber><ETag>" + etag + "</ETag></Part></CompleteMultipartUpload>");
    assertStatus(done, 200);
    assertThat(element(req("GET", "/locked/mp?legal-hold", null), "Status")).isEqualTo("ON");
    assertError(req("DELETE", "/locked/mp?versionId=" + header(done, "x-amz-version-id"), null), 403, "AccessDenied");
    assertError(req("POST", "/plain/mp?uploads", null, "x-amz-object-lock-legal-hold", "ON"), 400, "InvalidRequest");
  }

  @Test
  void fileStoreKeepsLocksAcrossReopen() throws Exception {
    start("file");
    String v = put("/locked/k", "x", "x-amz-object-lock-mode", "GOVERNANCE", "x-amz-object-lock-retain-until-date",
        IN_A_DAY);
    assertStatus(putXml("/locked/k?legal-hold", legalHold("ON")), 200);
    assertStatus(putXml("/locked/k?retention", retention("COMPLIANCE", IN_TEN_DAYS)), 200);
    stop();
    server = S3Server.builder().anonymous(true).clock(clock).checkRequestTime(false)
        .store(ObjectStore.file(dir, clock)).start();
    HttpResponse<byte[]> r = req("GET", "/locked/k?retention&versionId=" + v, null);
    assertThat(element(r, "Mode")).isEqualTo("COMPLIANCE");
    assertThat(element(r, "RetainUntilDate")).isEqualTo(IN_TEN_DAYS);
    assertThat(element(req("GET", "/locked/k?legal-hold", null), "Status")).isEqualTo("ON");
    assertError(req("DELETE", "/locked/k?versionId=" + v, null), 403, "AccessDenied");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void lockedUploadsNeedContentMd5OrAChecksum(String store) throws Exception {
    start(store);
    String[] lock = {"x-amz-object-lock-mode", "GOVERNANCE", "x-amz-object-lock-retain-until-date", IN_A_DAY};
    HttpResponse<byte[]> bare = req("PUT", "/locked/k", "x", lock);
    assertError(bare, 400, "InvalidRequest");
    assertThat(text(bare)).contains(
        "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters");
    assertError(req("PUT", "/locked/k", "x", "x-amz-object-lock-legal-hold", "OFF"), 400, "InvalidRequest");
    assertError(req("GET", "/locked/k", null), 404, "NoSuchKey");
    // A flexible checksum does as well as Content-MD5 (CRC32 of "x").
    assertStatus(req("PUT", "/locked/k", "x", "x-amz-checksum-crc32", "jNwWgw==", "x-amz-object-lock-legal-hold", "ON"),
        200);
    assertThat(put("/locked/k", "x", lock)).isNotEmpty();
    // Without a lock nothing is required, until the bucket's default retention gives every version one.
    assertStatus(req("PUT", "/locked/free", "x"), 200);
    assertStatus(putXml("/locked?object-lock", "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
        + "<Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days></DefaultRetention></Rule>"
        + "</ObjectLockConfiguration>"), 200);
    assertError(req("PUT", "/locked/free", "x"), 400, "InvalidRequest");
    assertStatus(req("PUT", "/plain/free", "x"), 200);
  }
}
