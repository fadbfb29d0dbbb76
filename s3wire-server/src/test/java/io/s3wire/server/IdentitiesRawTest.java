package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two users of one server, as raw signed HTTP, for S3's exact answers: 409 BucketAlreadyOwnedByYou
 * and BucketAlreadyExists, 403 AccessDenied and InvalidAccessKeyId, ListBuckets showing only the
 * caller's buckets under its own Owner, and the Owner of an ACL; also GET {@code ?partNumber=} past
 * the last part (416 InvalidPartNumber).
 */
@Timeout(60)
class IdentitiesRawTest {
  static final String A = "AKIDALICE";
  static final String A_SECRET = "alice-secret";
  static final String B = "AKIDBOB";
  static final String B_SECRET = "bob-secret";
  S3Server server;
  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().credentials(A, A_SECRET).user(B, B_SECRET).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    server.store().close();
  }

  /** {@code method path?query} signed (SigV4, unsigned payload) with {@code ak}/{@code sk}. */
  HttpResponse<String> signed(String method, String path, String query, String ak, String sk, byte[] body,
      String... headers) throws Exception {
    Instant now = Instant.now();
    String amzDate = io.s3wire.auth.SigV4.amzDate(now);
    io.s3wire.http.HttpHeaders.Builder h = io.s3wire.http.HttpHeaders.builder()
        .add("host", "127.0.0.1:" + server.port()).add("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
        .add("x-amz-date", amzDate);
    List<String> names = new java.util.ArrayList<>(List.of("host", "x-amz-content-sha256", "x-amz-date"));
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
      names.add(headers[i]);
    }
    java.util.Collections.sort(names);
    var scope = io.s3wire.auth.CredentialScope.of(now, "us-east-1", "s3");
    var cr = io.s3wire.auth.SigV4Canonicalizer.canonicalRequest(method, path, query, h.build(), names,
        "UNSIGNED-PAYLOAD", io.s3wire.auth.PathMode.S3);
    var sts = io.s3wire.auth.SigV4Canonicalizer.stringToSign(cr, amzDate, scope);
    String auth = "AWS4-HMAC-SHA256 Credential=" + ak + "/" + scope + ", SignedHeaders=" + String.join(";", names)
        + ", Signature=" + io.s3wire.auth.SigV4.signature(sk, sts);
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.endpoint() + path + (query.isEmpty() ? ""
        : "?" + query))).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("x-amz-date", amzDate).header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").header("Authorization", auth);
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return RawS3.HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> asA(String method, String path, String query, String... headers) throws Exception {
    return signed(method, path, query, A, A_SECRET, null, headers);
  }

  HttpResponse<String> asB(String method, String path, String query, String... headers) throws Exception {
    return signed(method, path, query, B, B_SECRET, null, headers);
  }

  static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains("<Code>" + code + "</Code>");
  }

  @Test
  void creatingAnExistingBucketIsOwnedByYouToItsOwnerAndAlreadyExistsToAnother() throws Exception {
    assertThat(asA("PUT", "/shared", "").statusCode()).isEqualTo(200);
    assertError(asA("PUT", "/shared", ""), 409, "BucketAlreadyOwnedByYou");
    HttpResponse<String> other = asB("PUT", "/shared", "");
    assertError(other, 409, "BucketAlreadyExists");
    assertThat(other.body()).contains("<Message>The requested bucket name is not available.");
    assertThat(asB("PUT", "/bobs", "").statusCode()).isEqualTo(200);
    assertError(asA("PUT", "/bobs", ""), 409, "BucketAlreadyExists");
  }

  @Test
  void listBucketsShowsOnlyTheCallersBucketsUnderItsOwnId() throws Exception {
    asA("PUT", "/alices", "");
    asB("PUT", "/bobs", "");
    String bobId = server.user(B).ownerId();
    HttpResponse<String> a = asA("GET", "/", "");
    assertThat(a.body()).contains("<Name>alices</Name>").doesNotContain("<Name>bobs</Name>")
        .contains("<Owner><ID>" + ServerUser.DEFAULT_OWNER_ID + "</ID><DisplayName>s3wire</DisplayName></Owner>");
    HttpResponse<String> b = asB("GET", "/", "");
    assertThat(b.body()).contains("<Name>bobs</Name>").doesNotContain("<Name>alices</Name>")
        .contains("<Owner><ID>" + bobId + "</ID><DisplayName>akidbob</DisplayName></Owner>");
  }

  @Test
  void anotherUsersRequestsAreAccessDeniedUntilAnAclGrantsThem() throws Exception {
    asA("PUT", "/alices", "");
    assertThat(signed("PUT", "/alices/k", "", A, A_SECRET, "data".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(200);
    assertError(asB("GET", "/alices/k", ""), 403, "AccessDenied");
    assertError(asB("GET", "/alices/missing", ""), 403, "AccessDenied");
    assertError(asB("GET", "/alices", "list-type=2"), 403, "AccessDenied");
    assertError(signed("PUT", "/alices/b", "", B, B_SECRET, new byte[] {1}), 403, "AccessDenied");
    assertError(asB("DELETE", "/alices/k", ""), 403, "AccessDenied");
    assertError(asB("DELETE", "/alices", ""), 403, "AccessDenied");
    assertError(asB("GET", "/alices", "acl"), 403, "AccessDenied");
    assertError(asB("PUT", "/alices", "tagging"), 403, "AccessDenied");
    assertError(asB("GET", "/nosuch", "list-type=2"), 404, "NoSuchBucket");

    String bobId = server.user(B).ownerId();
    assertThat(asA("PUT", "/alices/k", "acl", "x-amz-grant-read", "id=\"" + bobId + "\"").statusCode())
        .isEqualTo(200);
    HttpResponse<String> read = asB("GET", "/alices/k", "");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("data");
    HttpResponse<String> acl = asA("GET", "/alices/k", "acl");
    assertThat(acl.body()).contains("<Owner><ID>" + ServerUser.DEFAULT_OWNER_ID + "</ID>")
        .contains("<ID>" + bobId + "</ID></Grantee><Permission>READ</Permission>");
    assertError(asB("GET", "/alices/k", "acl"), 403, "AccessDenied");
    // Still no listing: READ on an object is not READ on its bucket.
    assertError(asB("GET", "/alices", "list-type=2"), 403, "AccessDenied");
    assertThat(asA("PUT", "/alices", "acl", "x-amz-acl", "authenticated-read").statusCode()).isEqualTo(200);
    assertThat(asB("GET", "/alices", "list-type=2").statusCode()).isEqualTo(200);
    assertError(asB("GET", "/alices/missing", ""), 404, "NoSuchKey");
  }

  @Test
  void anUnknownAccessKeyIsInvalidAccessKeyIdWithoutTheSecret() throws Exception {
    HttpResponse<String> r = signed("GET", "/", "", "AKIDNOBODY", "nobody-secret", null);
    assertError(r, 403, "InvalidAccessKeyId");
    assertThat(r.body()).contains("<AWSAccessKeyId>AKIDNOBODY</AWSAccessKeyId>").doesNotContain("nobody-secret");
    assertThat(signed("GET", "/", "", B, A_SECRET, null).body()).contains("<Code>SignatureDoesNotMatch</Code>")
        .doesNotContain(A_SECRET);
  }

  @Test
  void anObjectAnotherUserWritesIsTheirsUnderObjectWriterAndTheBucketOwnersUnderPreferred() throws Exception {
    asA("PUT", "/alices", "", "x-amz-acl", "public-read-write");
    String bobId = server.user(B).ownerId();
    assertThat(signed("PUT", "/alices/bobs", "", B, B_SECRET, new byte[] {1}).statusCode()).isEqualTo(200);
    assertThat(asB("GET", "/alices/bobs", "acl").body()).contains("<Owner><ID>" + bobId + "</ID>");
    assertThat(signed("PUT", "/alices", "ownershipControls", A, A_SECRET, ownership("BucketOwnerPreferred"))
        .statusCode()).isEqualTo(200);
    assertThat(signed("PUT", "/alices/given", "", B, B_SECRET, new byte[] {1}, "x-amz-acl",
        "bucket-owner-full-control").statusCode()).isEqualTo(200);
    assertThat(asA("GET", "/alices/given", "acl").body()).contains("<Owner><ID>" + ServerUser.DEFAULT_OWNER_ID);
    assertThat(signed("PUT", "/alices/kept", "", B, B_SECRET, new byte[] {1}).statusCode()).isEqualTo(200);
    assertThat(asB("GET", "/alices/kept", "acl").body()).contains("<Owner><ID>" + bobId + "</ID>");
  }

  @Test
  void theBucketOwnerReadsAnObjectAnotherUserOwnsOnlyByAGrant() throws Exception {
    asA("PUT", "/alices", "", "x-amz-acl", "public-read-write");
    byte[] one = {1};
    assertThat(signed("PUT", "/alices/bobs", "", B, B_SECRET, one).statusCode()).isEqualTo(200);
    assertError(asA("GET", "/alices/bobs", ""), 403, "AccessDenied");
    assertThat(asA("HEAD", "/alices/bobs", "").statusCode()).isEqualTo(403);
    assertError(asA("GET", "/alices/bobs", "acl"), 403, "AccessDenied");
    assertError(asA("PUT", "/alices/bobs", "acl", "x-amz-acl", "private"), 403, "AccessDenied");
    assertError(asA("PUT", "/alices/copy", "", "x-amz-copy-source", "/alices/bobs"), 403, "AccessDenied");
    // The bucket's owner still lists it, sees NoSuchKey, and may delete what others wrote, as in S3.
    assertError(asA("GET", "/alices/missing", ""), 404, "NoSuchKey");
    assertThat(asA("GET", "/alices", "list-type=2").body()).contains("<Key>bobs</Key>");

    assertThat(signed("PUT", "/alices/shared", "", B, B_SECRET, one, "x-amz-acl", "bucket-owner-read").statusCode())
        .isEqualTo(200);
    assertThat(asA("GET", "/alices/shared", "").statusCode()).isEqualTo(200);
    assertError(asA("GET", "/alices/shared", "acl"), 403, "AccessDenied");
    assertThat(asB("PUT", "/alices/bobs", "acl", "x-amz-acl", "bucket-owner-full-control").statusCode())
        .isEqualTo(200);
    assertThat(asA("GET", "/alices/bobs", "").statusCode()).isEqualTo(200);
    assertThat(asA("GET", "/alices/bobs", "acl").statusCode()).isEqualTo(200);

    // BucketOwnerEnforced makes the bucket's owner the owner of every object, those written before too.
    assertThat(signed("PUT", "/alices/private", "", B, B_SECRET, one).statusCode()).isEqualTo(200);
    assertError(asA("GET", "/alices/private", ""), 403, "AccessDenied");
    assertThat(signed("PUT", "/alices", "ownershipControls", A, A_SECRET, ownership("BucketOwnerEnforced"))
        .statusCode()).isEqualTo(200);
    assertThat(asA("GET", "/alices/private", "").statusCode()).isEqualTo(200);
    assertThat(asA("DELETE", "/alices/private", "").statusCode()).isEqualTo(204);
  }

  static byte[] ownership(String setting) {
    return ("<OwnershipControls xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ObjectOwnership>" + setting
        + "</ObjectOwnership></Rule></OwnershipControls>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPartNumberPastTheLastPartIs416InvalidPartNumber() throws Exception {
    asA("PUT", "/parts", "");
    signed("PUT", "/parts/one", "", A, A_SECRET, "body".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = asA("GET", "/parts/one", "partNumber=2");
    assertError(r, 416, "InvalidPartNumber");
    assertThat(r.body()).contains("<Message>The requested partnumber is not satisfiable</Message>")
        .contains("<PartNumberRequested>2</PartNumberRequested><ActualPartCount>1</ActualPartCount>");
    assertThat(asA("HEAD", "/parts/one", "partNumber=2").statusCode()).isEqualTo(416);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void listingsShowEachObjectsAndUploadsRealOwner(String store) throws Exception {
    if (store.equals("file")) {
      stop();
      server = S3Server.builder().credentials(A, A_SECRET).user(B, B_SECRET).store(ObjectStore.file(dir)).start();
    }
    asA("PUT", "/alices", "", "x-amz-acl", "public-read-write");
    String alice = "<Owner><ID>" + ServerUser.DEFAULT_OWNER_ID + "</ID>";
    String bob = "<Owner><ID>" + server.user(B).ownerId() + "</ID><DisplayName>akidbob</DisplayName></Owner>";
    assertThat(signed("PUT", "/alices/a-key", "", A, A_SECRET, new byte[] {1}).statusCode()).isEqualTo(200);
    assertThat(signed("PUT", "/alices/b-key", "", B, B_SECRET, new byte[] {1}).statusCode()).isEqualTo(200);

    String v2 = asA("GET", "/alices", "fetch-owner=true&list-type=2").body();
    assertThat(element(v2, "Contents", "a-key")).contains(alice).doesNotContain(bob);
    assertThat(element(v2, "Contents", "b-key")).contains(bob);
    assertThat(asA("GET", "/alices", "list-type=2").body()).contains("<Key>b-key</Key>").doesNotContain("<Owner>");
    String v1 = asB("GET", "/alices", "").body();
    assertThat(element(v1, "Contents", "a-key")).contains(alice).doesNotContain(bob);
    assertThat(element(v1, "Contents", "b-key")).contains(bob);
    assertThat(element(asA("GET", "/alices", "versions").body(), "Version", "b-key")).contains(bob);

    String upload = tag(asB("POST", "/alices/b-up", "uploads").body(), "UploadId");
    asA("POST", "/alices/a-up", "uploads");
    String uploads = asA("GET", "/alices", "uploads").body();
    assertThat(element(uploads, "Upload", "b-up")).contains("<Initiator><ID>" + server.user(B).ownerId() + "</ID>")
        .contains(bob);
    assertThat(element(uploads, "Upload", "a-up")).contains("<Initiator><ID>" + ServerUser.DEFAULT_OWNER_ID)
        .contains(alice).doesNotContain(bob);
    String parts = asB("GET", "/alices/b-up", "uploadId=" + upload).body();
    assertThat(parts).contains("<Initiator><ID>" + server.user(B).ownerId() + "</ID>").contains(bob);
  }

  /** The {@code <name>} element of {@code xml} whose Key is {@code key}. */
  static String element(String xml, String name, String key) {
    Matcher m = Pattern.compile("<" + name + ">(?:(?!</" + name + ">).)*<Key>" + Pattern.quote(key)
        + "</Key>.*?</" + name + ">", Pattern.DOTALL).matcher(xml);
    assertThat(m.find()).as(xml).isTrue();
    return m.group();
  }

  static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    assertThat(m.find()).as(xml).isTrue();
    return m.group(1);
  }
}
