package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Browser-form POST uploads written byte for byte: the SigV4 policy's signature, expiration and each
 * kind of condition, every answer S3 gives (204, 200, 201 with PostResponse, 303) and every error,
 * on a pinned clock; the happy path over both stores and HTTP/1.1 and h2.
 */
@Timeout(60)
class PostObjectTest {
  static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");
  static final String AK = "AKIDPOSTFORM";
  static final String SK = "post-form-secret-0123456789";
  static final String EXPIRES = "2026-11-05T11:00:00.000Z";
  static final String SIGNING = "\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}, {\"x-amz-credential\": \"" + AK
      + "/20261105/us-east-1/s3/aws4_request\"}, {\"x-amz-date\": \"20261105T000000Z\"}";

  @TempDir Path dir;
  private S3Server server;
  private HttpClient http;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().credentials(AK, SK).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    server.store().createBucket("forms");
    http = PostForms.client(server, HttpClient.Version.HTTP_1_1);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** A policy expiring at {@link #EXPIRES} with the signing fields' conditions and {@code conditions}. */
  static String policy(String conditions) {
    return "{\"expiration\": \"" + EXPIRES + "\", \"conditions\": [{" + SIGNING
        + (conditions.isEmpty() ? "" : ", " + conditions) + "]}";
  }

  static PostForms.Form signed(String policyJson) {
    return PostForms.form().fields(PostForms.signV4(policyJson, AK, SK, "20261105"));
  }

  private HttpResponse<String> post(PostForms.Form form) throws Exception {
    return PostForms.post(http, server, "/forms", form.body());
  }

  static Stream<Arguments> storesAndProtocols() {
    return Stream.of(Arguments.of("memory", HttpClient.Version.HTTP_1_1), Arguments.of("file", HttpClient.Version.HTTP_1_1),
        Arguments.of("memory", HttpClient.Version.HTTP_2), Arguments.of("file", HttpClient.Version.HTTP_2));
  }

  @ParameterizedTest(name = "{0} store, {1}")
  @MethodSource("storesAndProtocols")
  void signedFormStoresTheFileWithItsFieldsAndAnswers204(String store, HttpClient.Version version) throws Exception {
    server.close();
    S3Server.Builder b = S3Server.builder().credentials(AK, SK).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .tls(version == HttpClient.Version.HTTP_2);
    if (store.equals("file")) {
      b.store(ObjectStore.file(dir.resolve("store")));
    }
    server = b.start();
    server.store().createBucket("forms");
    http = PostForms.client(server, version);
    // 300 KiB of random bytes with boundary look-alikes placed across the reader's 64 KiB buffer edges.
    byte[] file = RawS3.bytes(300 * 1024, 7);
    byte[] lookAlike = ("\r\n--" + PostForms.BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
    for (int at : new int[] {0, 65_536 - 10, 131_072 - 3, file.length - lookAlike.length}) {
      System.arraycopy(lookAlike, 0, file, at, lookAlike.length);
    }
    String policy = policy("{\"bucket\": \"forms\"}, [\"starts-with\", \"$key\", \"uploads/\"],"
        + " [\"starts-with\", \"$Content-Type\", \"image/\"], {\"x-amz-meta-owner\": \"ana\"},"
        + " [\"starts-with\", \"$Cache-Control\", \"\"], [\"content-length-range\", 1, 1048576]");
    HttpResponse<String> r = post(signed(policy).field("key", "uploads/${filename}").field("Content-Type", "image/png")
        .field("x-amz-meta-owner", "ana").field("Cache-Control", "max-age=60")
        .file("cat picture.png", "application/octet-stream", file));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(r.version()).isEqualTo(version);
    String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file)) + "\"";
    assertThat(r.headers().firstValue("etag")).hasValue(etag);
    assertThat(r.headers().firstValue("location"))
        .hasValue(server.endpoint() + "/forms/uploads/cat%20picture.png");
    assertThat(r.body()).isEmpty();
    StoredObject info = server.store().headObject("forms", "uploads/cat picture.png");
    assertThat(info.etag()).isEqualTo(etag);
    assertThat(info.attributes().header("content-type")).isEqualTo("image/png");
    assertThat(info.attributes().header("cache-control")).isEqualTo("max-age=60");
    assertThat(info.attributes().userMetadata()).isEqualTo(Map.of("owner", "ana"));
    try (ObjectContent content = server.store().getObject("forms", "uploads/cat picture.png", 0, file.length);
        InputStream in = content.newInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(file);
    }
  }

  @Test
  void successActionStatus201AnswersPostResponseAnd200AnswersNothing() throws Exception {
    HttpResponse<String> created = post(signed(policy("{\"key\": \"a.txt\"}, {\"success_action_status\": \"201\"}"))
        .field("key", "a.txt").field("success_action_status", "201").file("a.txt", "text/plain", bytes("hello")));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("content-type")).hasValue("application/xml");
    assertThat(created.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>"
        + server.endpoint() + "/forms/a.txt</Location><Bucket>forms</Bucket><Key>a.txt</Key>"
        + "<ETag>&quot;5d41402abc4b2a76b9719d911017c592&quot;</ETag></PostResponse>");

    HttpResponse<String> ok = post(signed(policy("{\"key\": \"b.txt\"}, {\"success_action_status\": \"200\"}"))
        .field("key", "b.txt").field("success_action_status", "200").file("b.txt", null, bytes("hello")));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEmpty();
    // No Content-Type field: S3's default, whatever type the file part carried.
    assertThat(server.store().headObject("forms", "b.txt").attributes().header("content-type"))
        .isEqualTo("binary/octet-stream");

    HttpResponse<String> other = post(signed(policy("{\"key\": \"c.txt\"}, {\"success_action_status\": \"404\"}"))
        .field("key", "c.txt").field("success_action_status", "404").file("c.txt", null, bytes("x")));
    assertThat(other.statusCode()).isEqualTo(204);
  }

  @Test
  void redirectAnswers303WithBucketKeyAndEtag() throws Exception {
    HttpResponse<String> r = post(signed(policy("{\"key\": \"dir/r 1.txt\"},"
        + " [\"starts-with\", \"$success_action_redirect\", \"https://app.example/\"]"))
        .field("key", "dir/r 1.txt").field("success_action_redirect", "https://app.example/done?x=1")
        .file("r.txt", null, bytes("hello")));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("location")).hasValue("https://app.example/done?x=1&bucket=forms"
        + "&key=dir%2Fr%201.txt&etag=%225d41402abc4b2a76b9719d911017c592%22");

    // A redirect that is no URL is ignored, as S3 ignores it.
    HttpResponse<String> ignored = post(signed(policy("{\"key\": \"r2\"}, {\"redirect\": \"not a url\"}"))
        .field("key", "r2").field("redirect", "not a url").file("r.txt", null, bytes("hello")));
    assertThat(ignored.statusCode()).isEqualTo(204);
  }

  @Test
  void encryptionFieldsAreStoredAndEchoedAndTheDefaultIsSseS3() throws Exception {
    HttpResponse<String> kms = post(signed(policy("{\"key\": \"kms\"}, {\"x-amz-server-side-encryption\": \"aws:kms\"}"))
        .field("key", "kms").field("x-amz-server-side-encryption", "aws:kms").file("f", null, bytes("secret")));
    assertThat(kms.statusCode()).as(kms.body()).isEqualTo(204);
    assertThat(kms.headers().firstValue("x-amz-server-side-encryption")).hasValue("aws:kms");
    assertThat(server.store().headObject("forms", "kms").attributes().encryption().serverSide()).isEqualTo("aws:kms");

    HttpResponse<String> plain = post(signed(policy("{\"key\": \"plain\"}")).field("key", "plain")
        .file("f", null, bytes("data")));
    assertThat(plain.headers().firstValue("x-amz-server-side-encryption")).hasValue("AES256");

    HttpResponse<String> bad = post(signed(policy("{\"key\": \"bad\"}, {\"x-amz-server-side-encryption\": \"rot13\"}"))
        .field("key", "bad").field("x-amz-server-side-encryption", "rot13").file("f", null, bytes("data")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("<Code>InvalidArgument</Code>");
  }

  @Test
  void fieldsAfterTheFileAreIgnoredAndNeedNoCondition() throws Exception {
    HttpResponse<String> r = post(signed(policy("{\"key\": \"after\"}")).field("key", "after")
        .file("f", null, bytes("data")).field("x-amz-meta-late", "ignored").field("key", "elsewhere"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(server.store().headObject("forms", "after").attributes().userMetadata()).isEmpty();
    // The connection carries the next request after the ignored fields were read.
    assertThat(post(signed(policy("{\"key\": \"next\"}")).field("key", "next").file("f", null, bytes("d")))
        .statusCode()).isEqualTo(204);
  }

  @Test
  void everyFieldMustBeCoveredExceptTheExemptOnes() throws Exception {
    HttpResponse<String> extra = post(signed(policy("{\"key\": \"k\"}")).field("key", "k")
        .field("x-amz-meta-extra", "1").field("Content-Type", "text/plain").file("f", null, bytes("d")));
    assertError(extra, 403, "AccessDenied",
        "Invalid according to Policy: Extra input fields: x-amz-meta-extra, content-type");
    assertThat(server.store().listObjects("forms", "", "").hasNext()).isFalse();

    HttpResponse<String> exempt = post(signed(policy("{\"key\": \"k\"}")).field("key", "k")
        .field("x-ignore-tracking", "42").file("f", null, bytes("d")));
    assertThat(exempt.statusCode()).as(exempt.body()).isEqualTo(204);
  }

  @Test
  void conditionsAreCheckedAsS3ChecksThem() throws Exception {
    assertError(post(signed(policy("[\"eq\", \"$key\", \"exact\"]")).field("key", "other")
        .file("f", null, bytes("d"))), 403, "AccessDenied",
        "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"exact\"]");
    assertError(post(signed(policy("{\"key\": \"k\"}, [\"starts-with\", \"$x-amz-meta-tag\", \"blue\"]"))
        .field("key", "k").field("x-amz-meta-tag", "red").file("f", null, bytes("d"))), 403, "AccessDenied",
        "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$x-amz-meta-tag\", \"blue\"]");
    assertError(post(signed(policy("{\"bucket\": \"another\"}, {\"key\": \"k\"}")).field("key", "k")
        .file("f", null, bytes("d"))), 403, "AccessDenied",
        "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$bucket\", \"another\"]");
    // Each of several content types must have the prefix.
    assertError(post(signed(policy("{\"key\": \"k\"}, [\"starts-with\", \"$Content-Type\", \"image/\"]"))
        .field("key", "k").field("Content-Type", "image/png, text/html").file("f", null, bytes("d"))), 403,
        "AccessDenied", "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$Content-Type\","
            + " \"image/\"]");
    // A field named in the policy but absent from the form fails its condition.
    assertError(post(signed(policy("{\"key\": \"k\"}, {\"acl\": \"public-read\"}")).field("key", "k")
        .file("f", null, bytes("d"))), 403, "AccessDenied",
        "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$acl\", \"public-read\"]");

    // Field names are case-insensitive in conditions and in the form; an empty prefix admits anything.
    HttpResponse<String> ok = post(signed(policy("[\"starts-with\", \"$KEY\", \"\"], {\"ACL\": \"public-read\"},"
        + " [\"eq\", \"$Content-Disposition\", \"attachment\"]")).field("Key", "any/thing").field("acl", "public-read")
        .field("content-disposition", "attachment").file("f", null, bytes("d")));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(server.store().headObject("forms", "any/thing").attributes().header("content-disposition"))
        .isEqualTo("attachment");
  }

  @Test
  void theTaggingFieldTagsTheObjectAndAMalformedOneIsMalformedXml() throws Exception {
    String tagging = "<Tagging><TagSet><Tag><Key>project</Key><Value>blue sky</Value></Tag>"
        + "<Tag><Key>tier</Key><Value>1</Value></Tag></TagSet></Tagging>";
    HttpResponse<String> r = post(signed(policy("{\"key\": \"tagged\"}, [\"starts-with\", \"$tagging\", \"\"]"))
        .field("key", "tagged").field("tagging", tagging).file("f", null, bytes("d")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(server.store().headObject("forms", "tagged").attributes().tags())
        .containsExactly(java.util.Map.entry("project", "blue sky"), java.util.Map.entry("tier", "1"));
    assertError(post(signed(policy("{\"key\": \"bad\"}, [\"starts-with\", \"$tagging\", \"\"]"))
        .field("key", "bad").field("tagging", "project=blue").file("f", null, bytes("d"))), 400, "MalformedXML",
        null);
    assertThat(server.store().listObjects("forms", "bad", "").hasNext()).isFalse();
  }

  @Test
  void filenameIsSubstitutedBeforeTheKeyConditionIsChecked() throws Exception {
    HttpResponse<String> r = post(signed(policy("[\"starts-with\", \"$key\", \"user/ana/\"]"))
        .field("key", "user/ana/${filename}").file("notes ${x}.txt", "text/plain", bytes("n")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(server.store().headObject("forms", "user/ana/notes ${x}.txt").size()).isEqualTo(1);
  }

  @Test
  void contentLengthRangeRefusesTooLargeAndTooSmallFilesAndStoresNothing() throws Exception {
    String policy = policy("{\"key\": \"sized\"}, [\"content-length-range\", 10, 100]");
    assertError(post(signed(policy).field("key", "sized").file("f", null, new byte[101])), 400, "EntityTooLarge",
        "Your proposed upload exceeds the maximum allowed size");
    HttpResponse<String> large = post(signed(policy).field("key", "sized").file("f", null, new byte[5000]));
    assertThat(large.body()).contains("<ProposedSize>5000</ProposedSize><MaxSizeAllowed>100</MaxSizeAllowed>");
    HttpResponse<String> small = post(signed(policy).field("key", "sized").file("f", null, new byte[9]));
    assertError(small, 400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size");
    assertThat(small.body()).contains("<ProposedSize>9</ProposedSize><MinSizeAllowed>10</MinSizeAllowed>");
    assertThat(server.store().listObjects("forms", "", "").hasNext()).isFalse();
    assertThat(post(signed(policy).field("key", "sized").file("f", null, new byte[100])).statusCode()).isEqualTo(204);
    assertThat(post(signed(policy).field("key", "sized").file("f", null, new byte[10])).statusCode()).isEqualTo(204);
  }

  @Test
  void tooLargeFileOverH2IsRefusedWhileItStreamsAndTheConnectionCarriesOn() throws Exception {
    server.close();
    server = S3Server.builder().credentials(AK, SK).clock(Clock.fixed(NOW, ZoneOffset.UTC)).tls(true).start();
    server.store().createBucket("forms");
    http = PostForms.client(server, HttpClient.Version.HTTP_2);
    String policy = policy("{\"key\": \"big\"}, [\"content-length-range\", 0, 1024]");
    HttpResponse<String> r = post(signed(policy).field("key", "big").file("f", null, RawS3.bytes(3 * RawS3.MIB, 5)));
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertError(r, 400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    assertThat(r.body()).contains("<ProposedSize>" + 3 * RawS3.MIB + "</ProposedSize><MaxSizeAllowed>1024"
        + "</MaxSizeAllowed>");
    assertThat(server.store().listObjects("forms", "", "").hasNext()).isFalse();
    assertThat(post(signed(policy).field("key", "big").file("f", null, new byte[1024])).statusCode()).isEqualTo(204);
  }

  @Test
  void expiredPolicyIsRefused() throws Exception {
    String expired = "{\"expiration\": \"2026-11-05T09:59:59Z\", \"conditions\": [{" + SIGNING + ", {\"key\": \"k\"}]}";
    assertError(post(signed(expired).field("key", "k").file("f", null, bytes("d"))), 403, "AccessDenied",
        "Invalid according to Policy: Policy expired.");
  }

  @Test
  void signatureIsVerifiedWithoutRevealingSecrets() throws Exception {
    String policy = policy("{\"key\": \"k\"}");
    HttpResponse<String> wrong = post(PostForms.form().fields(PostForms.signV4(policy, AK, "not-the-secret", "20261105"))
        .field("key", "k").file("f", null, bytes("d")));
    assertError(wrong, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
        + " signature you provided. Check your key and signing method.");
    assertThat(wrong.body()).contains("<AWSAccessKeyId>" + AK + "</AWSAccessKeyId>")
        .contains("<StringToSign>" + PostForms.signV4(policy, AK, SK, "20261105").get("policy") + "</StringToSign>")
        .doesNotContain(SK).doesNotContain("not-the-secret");

    String otherKey = policy.replace(AK, "AKIDUNKNOWN");
    assertError(post(PostForms.form().fields(PostForms.signV4(otherKey, "AKIDUNKNOWN", SK, "20261105"))
        .field("key", "k").file("f", null, bytes("d"))), 403, "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.");

    // A policy swapped under a signature made for another is refused before it is even read.
    Map<String, String> swapped = new java.util.LinkedHashMap<>(PostForms.signV4(policy, AK, SK, "20261105"));
    swapped.put("policy", java.util.Base64.getEncoder().encodeToString(
        policy("[\"starts-with\", \"$key\", \"\"]").getBytes(StandardCharsets.UTF_8)));
    assertError(post(PostForms.form().fields(swapped).field("key", "k").file("f", null, bytes("d"))), 403,
        "SignatureDoesNotMatch", null);
    swapped.put("policy", "bm90IGpzb24=");
    assertError(post(PostForms.form().fields(swapped).field("key", "k").file("f", null, bytes("d"))), 403,
        "SignatureDoesNotMatch", null);

    // A form signed on another day has another signing key.
    Map<String, String> fields = new java.util.LinkedHashMap<>(PostForms.signV4(policy, AK, SK, "20261104"));
    fields.put("x-amz-credential", AK + "/20261105/us-east-1/s3/aws4_request");
    assertError(post(PostForms.form().fields(fields).field("key", "k").file("f", null, bytes("d"))), 403,
        "SignatureDoesNotMatch", null);
    assertThat(server.store().listObjects("forms", "", "").hasNext()).isFalse();
  }

  @Test
  void sigV2FormsAreVerifiedToo() throws Exception {
    String policy = "{\"expiration\": \"" + EXPIRES + "\", \"conditions\": [{\"key\": \"v2\"}]}";
    assertThat(post(PostForms.form().fields(PostForms.signV2(policy, AK, SK)).field("key", "v2")
        .file("f", null, bytes("d"))).statusCode()).isEqualTo(204);
    assertError(post(PostForms.form().fields(PostForms.signV2(policy, AK, "wrong")).field("key", "v2")
        .file("f", null, bytes("d"))), 403, "SignatureDoesNotMatch", null);
  }

  @Test
  void policiesThatAreNoPoliciesAreInvalidPolicyDocument() throws Exception {
    assertError(post(signed("{\"conditions\": [{\"key\": \"k\"}]}").field("key", "k").file("f", null, bytes("d"))),
        400, "InvalidPolicyDocument", "Invalid Policy: Policy missing expiration.");
    assertError(post(signed("{\"expiration\": \"" + EXPIRES + "\"}").field("key", "k").file("f", null, bytes("d"))),
        400, "InvalidPolicyDocument", "Invalid Policy: Policy missing conditions.");
    assertError(post(signed("{\"expiration\": ").field("key", "k").file("f", null, bytes("d"))),
        400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
    assertError(post(signed("{\"expiration\": \"tomorrow\", \"conditions\": []}").field("key", "k")
        .file("f", null, bytes("d"))), 400, "InvalidPolicyDocument", "Invalid Policy: Invalid 'expiration' value: 'tomorrow'");
    assertError(post(signed(policy("[\"StArTs-WiTh\", \"$key\", \"\"]")).field("key", "k")
        .file("f", null, bytes("d"))), 400, "InvalidPolicyDocument",
        "Invalid Policy: Invalid Condition: unknown condition type 'StArTs-WiTh'.");
    assertError(post(signed(policy("[\"content-length-range\", -1, 10]")).field("key", "k")
        .file("f", null, bytes("d"))), 400, "InvalidPolicyDocument", null);
    assertError(post(signed(policy("[\"content-length-range\", 0]")).field("key", "k")
        .file("f", null, bytes("d"))), 400, "InvalidPolicyDocument", null);
  }

  @Test
  void missingFieldsAreInvalidArgument() throws Exception {
    HttpResponse<String> noKey = post(signed(policy("")).file("f", null, bytes("d")));
    assertError(noKey, 400, "InvalidArgument",
        "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.");
    assertThat(noKey.body()).contains("<ArgumentName>key</ArgumentName><ArgumentValue></ArgumentValue>");
    // A key after the file is ignored, so it is missing.
    assertError(post(signed(policy("")).file("f", null, bytes("d")).field("key", "late")), 400, "InvalidArgument",
        null);
    HttpResponse<String> noFile = post(signed(policy("{\"key\": \"k\"}")).field("key", "k"));
    assertError(noFile, 400, "InvalidArgument", "POST requires exactly one file upload per request.");
    assertThat(noFile.body()).contains("<ArgumentName>file</ArgumentName><ArgumentValue>0</ArgumentValue>");
    Map<String, String> unsigned = new java.util.LinkedHashMap<>(PostForms.signV4(policy("{\"key\": \"k\"}"), AK, SK,
        "20261105"));
    unsigned.remove("x-amz-signature");
    assertError(post(PostForms.form().fields(unsigned).field("key", "k").file("f", null, bytes("d"))), 400,
        "InvalidArgument", "Bucket POST must contain a field named 'x-amz-signature'.  If it is specified, please"
            + " check the order of the fields.");
  }

  @Test
  void unsignedFormsNeedAnonymousMode() throws Exception {
    assertError(post(PostForms.form().field("key", "k").file("f", null, bytes("d"))), 403, "AccessDenied",
        "Access Denied");
    try (S3Server anonymous = S3Server.builder().anonymous(true).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
      anonymous.store().createBucket("public");
      HttpResponse<String> r = PostForms.post(http, anonymous, "/public", PostForms.form().field("key", "open")
          .field("Content-Type", "text/plain").file("f", null, bytes("hello")).body());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
      assertThat(anonymous.store().headObject("public", "open").attributes().header("content-type"))
          .isEqualTo("text/plain");
      // A policy is still held to its conditions there, though no secret can check its signature.
      HttpResponse<String> refused = PostForms.post(http, anonymous, "/public", PostForms.form()
          .field("policy", java.util.Base64.getEncoder().encodeToString(
              ("{\"expiration\": \"" + EXPIRES + "\", \"conditions\": [{\"key\": \"only\"}]}").getBytes(StandardCharsets.UTF_8)))
          .field("key", "open").file("f", null, bytes("hello")).body());
      assertError(refused, 403, "AccessDenied",
          "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"only\"]");
    }
  }

  @Test
  void checksumFieldsAreCheckedAndKept() throws Exception {
    String crc = java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4)
        .putInt((int) crc32("hello")).array());
    HttpResponse<String> ok = post(signed(policy("{\"key\": \"sum\"}, {\"x-amz-checksum-crc32\": \"" + crc + "\"}"))
        .field("key", "sum").field("x-amz-checksum-crc32", crc).file("f", null, bytes("hello")));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(ok.headers().firstValue("x-amz-checksum-crc32")).hasValue(crc);
    assertThat(server.store().headObject("forms", "sum").checksum().value()).isEqualTo(crc);

    HttpResponse<String> bad = post(signed(policy("{\"key\": \"sum2\"}, {\"x-amz-checksum-crc32\": \"" + crc + "\"}"))
        .field("key", "sum2").field("x-amz-checksum-crc32", crc).file("f", null, bytes("hellO")));
    assertError(bad, 400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.");
    assertThat(server.store().listObjects("forms", "sum2", "").hasNext()).isFalse();

    // Without one, the object keeps S3's default checksum.
    assertThat(post(signed(policy("{\"key\": \"plain\"}")).field("key", "plain").file("f", null, bytes("x")))
        .headers().firstValue("x-amz-checksum-crc64nvme")).isPresent();
  }

  @Test
  void malformedBodiesAndOversizedFieldsAreRefused() throws Exception {
    assertError(PostForms.post(http, server, "/forms", bytes("key=k"), "application/x-www-form-urlencoded"), 412,
        "PreconditionFailed", null);
    byte[] whole = signed(policy("{\"key\": \"k\"}")).field("key", "k").file("f", null, bytes("data")).body();
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - PostForms.BOUNDARY.length() - 10);
    assertError(PostForms.post(http, server, "/forms", truncated), 400, "MalformedPOSTRequest",
        "The body of your POST request is not well-formed multipart/form-data.");
    assertError(PostForms.post(http, server, "/forms", whole, "multipart/form-data"), 400, "MalformedPOSTRequest",
        null);
    assertThat(server.store().listObjects("forms", "", "").hasNext()).isFalse();

    HttpResponse<String> big = post(signed(policy("{\"key\": \"k\"}, [\"starts-with\", \"$x-amz-meta-big\", \"\"]"))
        .field("key", "k").field("x-amz-meta-big", "x".repeat(21 * 1024)).file("f", null, bytes("d")));
    assertError(big, 400, "MaxPostPreDataLengthExceeded", "Your POST request fields preceeding the upload file was"
        + " too large.");
    assertThat(big.body()).contains("<MaxPostPreDataLengthBytes>20480</MaxPostPreDataLengthBytes>");
    assertError(PostForms.post(http, server, "/nobucket", whole), 404, "NoSuchBucket", null);
  }

  @Test
  void deleteObjectsStillAnswersOnPostWithDelete() throws Exception {
    // POST /bucket?delete stays DeleteObjects (signed in headers), not a form.
    HttpResponse<String> r = PostForms.post(http, server, "/forms?delete", bytes("<Delete/>"), "application/xml");
    assertError(r, 403, "AccessDenied", null);
  }

  private static void assertError(HttpResponse<String> r, int status, String code, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains("<Code>" + code + "</Code>");
    if (message != null) {
      assertThat(r.body()).contains("<Message>" + xml(message) + "</Message>");
    }
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long crc32(String s) {
    java.util.zip.CRC32 c = new java.util.zip.CRC32();
    c.update(bytes(s));
    return c.getValue();
  }
}
