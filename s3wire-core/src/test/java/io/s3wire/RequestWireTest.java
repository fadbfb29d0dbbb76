package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.ScriptedS3Peer.Answer;
import io.s3wire.ScriptedS3Peer.Received;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ClientException;
import io.s3wire.error.ServiceException;
import io.s3wire.http.RequestBody;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.wire.WireEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request features exactly as they go on the wire, and the result fields read back from exactly
 * the headers S3 answers, against a scripted loopback server (versions and delete markers included,
 * which the embedded server does not keep yet).
 */
@Timeout(30)
class RequestWireTest {
  static final BucketKey OBJ = BucketKey.of("bucket", "key");
  static final byte[] KEY = new byte[32];
  static final String KEY_B64;

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (0x40 + i);
    }
    KEY_B64 = Base64.getEncoder().encodeToString(KEY);
  }

  private ScriptedS3Peer peer;
  private S3Client client;
  private final List<WireEvent> clientEvents = new CopyOnWriteArrayList<>();
  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    peer = new ScriptedS3Peer();
    client = S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
        .endpoint(peer.endpoint()).region("eu-central-1").credentials("AKIDWIRE", "wire-secret")
        .provider(ProviderProfiles.generic()).listener(clientEvents::add).build();
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  private Received only() {
    List<Received> r = peer.received();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static List<String> signedHeaders(Received r) {
    String auth = r.header("Authorization");
    String signed = auth.substring(auth.indexOf("SignedHeaders=") + "SignedHeaders=".length());
    return List.of(signed.substring(0, signed.indexOf(',')).split(";"));
  }

  @Test
  void putSendsEveryFeatureAsS3ExpectsAndSignsTheExtras() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("a", "1");
    tags.put("b c", "d+e=f/@");
    PutObjectRequest request = PutObjectRequest.of(OBJ)
        .withMetadata(ObjectMetadata.contentType("text/plain").withCacheControl("max-age=60").withStorageClass("STANDARD_IA")
            .withContentDisposition("attachment; filename=\"a.txt\"").withContentEncoding("gzip")
            .withContentLanguage("en-GB").withExpires(Instant.parse("2026-01-02T03:04:05.678Z")))
        .withTags(tags)
        .withAcl(ObjectAcl.canned("public-read"))
        .withEncryption(ServerSideEncryption.kms("key-1").withKmsContext(Map.of("dept", "a\"b")).withBucketKey(true))
        .withOptions(CallOptions.NONE.withHeader("x-custom", "yes").withQueryParameter("extra", "v w"));
    peer.then(Answer.ok(Map.of("ETag", "\"abc\"", "x-amz-version-id", "v-put")));

    PutObjectResult result = client.putObject(request, "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(result.versionId()).isEqualTo("v-put");
    Received r = only();
    assertThat(r.rawPathAndQuery()).isEqualTo("/bucket/key?extra=v%20w");
    assertThat(r.header("Content-Type")).isEqualTo("text/plain");
    assertThat(r.header("Cache-Control")).isEqualTo("max-age=60");
    assertThat(r.header("x-amz-storage-class")).isEqualTo("STANDARD_IA");
    assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"a.txt\"");
    assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(r.header("Content-Language")).isEqualTo("en-GB");
    assertThat(r.header("Expires")).isEqualTo("Fri, 02 Jan 2026 03:04:05 GMT");
    assertThat(r.header("x-amz-tagging")).isEqualTo("a=1&b%20c=d%2Be%3Df%2F%40");
    assertThat(r.header("x-amz-acl")).isEqualTo("public-read");
    assertThat(r.header("x-amz-server-side-encryption")).isEqualTo("aws:kms");
    assertThat(r.header("x-amz-server-side-encryption-aws-kms-key-id")).isEqualTo("key-1");
    assertThat(new String(Base64.getDecoder().decode(r.header("x-amz-server-side-encryption-context")),
        StandardCharsets.UTF_8)).isEqualTo("{\"dept\":\"a\\\"b\"}");
    assertThat(r.header("x-amz-server-side-encryption-bucket-key-enabled")).isEqualTo("true");
    assertThat(r.header("x-custom")).isEqualTo("yes");
    assertThat(signedHeaders(r)).contains("x-custom", "x-amz-tagging", "x-amz-server-side-encryption");
  }

  @Test
  void customerKeyGoesWithItsMd5AndIsRedactedInEveryEventOfTheCallsOwnListener() {
    List<WireEvent> callEvents = new CopyOnWriteArrayList<>();
    CustomerKey key = CustomerKey.of(KEY);
    PutObjectRequest request = PutObjectRequest.of(OBJ).withCustomerKey(key)
        .withOptions(CallOptions.NONE.withListener(callEvents::add));
    peer.then(Answer.ok(Map.of("ETag", "\"not-an-md5\"", "x-amz-server-side-encryption-customer-algorithm", "AES256")));

    client.putObject(request, "secret bytes".getBytes(StandardCharsets.UTF_8));

    Received r = only();
    assertThat(r.header("x-amz-server-side-encryption-customer-algorithm")).isEqualTo("AES256");
    assertThat(r.header("x-amz-server-side-encryption-customer-key")).isEqualTo(KEY_B64);
    assertThat(r.header("x-amz-server-side-encryption-customer-key-MD5")).isEqualTo(key.keyMd5());
    assertThat(callEvents).isNotEmpty();
    assertThat(clientEvents).hasSameSizeAs(callEvents);
    String printed = callEvents.toString() + clientEvents;
    assertThat(printed).doesNotContain(KEY_B64).contains(key.keyMd5())
        .contains("x-amz-server-side-encryption-customer-key, value=<redacted>");

    // A call without its own listener is heard by the client's alone.
    int before = callEvents.size();
    client.deleteObject(OBJ);
    assertThat(callEvents).hasSize(before);
    assertThat(clientEvents.size()).isGreaterThan(before);
  }

  @Test
  void getAndHeadSendVersionAndKeyAndReadWhatTheServerSays() {
    CustomerKey key = CustomerKey.of(KEY);
    peer.then(new Answer(200, Map.of("ETag", "\"e\"", "x-amz-version-id", "3HL4+kq/v",
            "x-amz-server-side-encryption-customer-algorithm", "AES256",
            "x-amz-server-side-encryption-customer-key-MD5", key.keyMd5(), "Content-Disposition", "inline",
            "Content-Language", "de", "Expires", "Fri, 02 Jan 2026 03:04:05 GMT"), "data"),
        Answer.ok(Map.of("ETag", "\"e\"", "x-amz-version-id", "v2", "x-amz-server-side-encryption", "aws:kms",
            "x-amz-server-side-encryption-aws-kms-key-id", "arn:k", "x-amz-server-side-encryption-bucket-key-enabled",
            "true", "x-amz-tagging-count", "3")));

    ObjectBytes got = client.getObjectBytes(GetObjectRequest.of(OBJ).withVersionId("3HL4+kq/v").withCustomerKey(key));
    ObjectInfo head = client.headObject(HeadObjectRequest.of(OBJ).withVersionId("v2"));

    List<Received> r = peer.received();
    assertThat(r.get(0).rawPathAndQuery()).isEqualTo("/bucket/key?versionId=3HL4%2Bkq%2Fv");
    assertThat(r.get(0).header("x-amz-server-side-encryption-customer-key")).isEqualTo(KEY_B64);
    assertThat(got.asUtf8()).isEqualTo("data");
    assertThat(got.info().versionId()).isEqualTo("3HL4+kq/v");
    assertThat(got.info().customerKeyMd5()).isEqualTo(key.keyMd5());
    assertThat(got.info().encryption()).isNull();
    assertThat(got.info().metadata().contentDisposition()).isEqualTo("inline");
    assertThat(got.info().metadata().contentLanguage()).isEqualTo("de");
    assertThat(got.info().metadata().expires()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(r.get(1).method()).isEqualTo("HEAD");
    assertThat(r.get(1).rawPathAndQuery()).isEqualTo("/bucket/key?versionId=v2");
    assertThat(head.versionId()).isEqualTo("v2");
    assertThat(head.encryption()).isEqualTo(new ServerSideEncryption("aws:kms", "arn:k", Map.of(), true));
    assertThat(head.tagCount()).isEqualTo(3);
  }

  @Test
  void deleteOfAVersionReportsTheVersionAndDeleteMarker() {
    peer.then(new Answer(204, Map.of("x-amz-version-id", "dm-1", "x-amz-delete-marker", "true"), ""),
        new Answer(204, Map.of(), ""));

    DeleteObjectResult marker = client.deleteObject(DeleteObjectRequest.of(OBJ).withVersionId("dm-1"));
    DeleteObjectResult plain = client.deleteObject(DeleteObjectRequest.of(OBJ));

    assertThat(peer.received().get(0).rawPathAndQuery()).isEqualTo("/bucket/key?versionId=dm-1");
    assertThat(peer.received().get(1).rawPathAndQuery()).isEqualTo("/bucket/key");
    assertThat(marker).isEqualTo(new DeleteObjectResult(OBJ, "dm-1", true));
    assertThat(plain).isEqualTo(new DeleteObjectResult(OBJ, null, false));
  }

  @Test
  void copySendsSourceVersionBothKeysAndNewTags() {
    CustomerKey source = CustomerKey.of(KEY);
    byte[] other = KEY.clone();
    other[0] = 1;
    CustomerKey target = CustomerKey.of(other);
    peer.then(new Answer(200, Map.of("x-amz-version-id", "new-v", "x-amz-copy-source-version-id", "old+v/1"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CopyObjectResult><LastModified>2026-01-02T03:04:05.000Z"
            + "</LastModified><ETag>\"etag\"</ETag></CopyObjectResult>"));

    CopyObjectResult result = client.copyObject(CopyObjectRequest.of(BucketKey.of("src", "a b"), OBJ)
        .withSourceVersionId("old+v/1").withSourceCustomerKey(source).withCustomerKey(target)
        .withTags(Map.of("k", "v")).withAcl(ObjectAcl.grant(ObjectAcl.Permission.READ, "id=\"u1\"")));

    Received r = only();
    assertThat(r.header("x-amz-copy-source")).isEqualTo("src/a%20b?versionId=old%2Bv%2F1");
    assertThat(r.header("x-amz-copy-source-server-side-encryption-customer-algorithm")).isEqualTo("AES256");
    assertThat(r.header("x-amz-copy-source-server-side-encryption-customer-key")).isEqualTo(KEY_B64);
    assertThat(r.header("x-amz-copy-source-server-side-encryption-customer-key-MD5")).isEqualTo(source.keyMd5());
    assertThat(r.header("x-amz-server-side-encryption-customer-key")).isEqualTo(target.encodedKey());
    assertThat(r.header("x-amz-tagging-directive")).isEqualTo("REPLACE");
    assertThat(r.header("x-amz-tagging")).isEqualTo("k=v");
    assertThat(r.header("x-amz-grant-read")).isEqualTo("id=\"u1\"");
    assertThat(r.header("x-amz-metadata-directive")).isEqualTo("COPY");
    assertThat(result).isEqualTo(new CopyObjectResult(OBJ, "etag", Instant.parse("2026-01-02T03:04:05Z"), "new-v", "old+v/1"));
    assertThat(clientEvents.toString()).doesNotContain(KEY_B64).doesNotContain(target.encodedKey());
  }

  @Test
  void multipartPartsAndCompletionCarryTheUploadsCustomerKey() {
    CustomerKey key = CustomerKey.of(KEY);
    peer.then(new Answer(200, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><InitiateMultipartUploadResult>"
        + "<Bucket>bucket</Bucket><Key>key</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>"),
        Answer.ok(Map.of("ETag", "\"p1\"")),
        new Answer(200, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult>"
            + "<Bucket>bucket</Bucket><Key>key</Key><ETag>\"e-1\"</ETag></CompleteMultipartUploadResult>"));

    MultipartUpload upload = client.createMultipartUpload(PutObjectRequest.of(OBJ).withCustomerKey(key)
        .withTag("t", "1"));
    client.uploadPart(upload, 1, RequestBody.ofBytes(new byte[] {1, 2, 3}));
    // S3 needs the key to complete an upload created with a checksum algorithm.
    client.completeMultipartUpload(upload, List.of(new CompletedPart(1, "p1", 3)));

    assertThat(upload.customerKey()).isEqualTo(key);
    List<Received> r = peer.received();
    assertThat(r.get(0).header("x-amz-tagging")).isEqualTo("t=1");
    assertThat(r.get(0).header("x-amz-server-side-encryption-customer-key-MD5")).isEqualTo(key.keyMd5());
    assertThat(r.get(1).rawPathAndQuery()).isEqualTo("/bucket/key?partNumber=1&uploadId=up-1");
    assertThat(r.get(1).header("x-amz-server-side-encryption-customer-key")).isEqualTo(KEY_B64);
    assertThat(r.get(2).rawPathAndQuery()).isEqualTo("/bucket/key?uploadId=up-1");
    assertThat(r.get(2).header("x-amz-server-side-encryption-customer-key")).isEqualTo(KEY_B64);
    assertThat(r.get(2).header("x-amz-server-side-encryption-customer-key-MD5")).isEqualTo(key.keyMd5());
  }

  @Test
  void extrasThatClashWithTheOperationAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client.putObject(PutObjectRequest.of(OBJ).withTag("a", "b")
        .withOptions(CallOptions.NONE.withHeader("X-Amz-Tagging", "c=d")), new byte[1]))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.subject()).isEqualTo("extra header");
          assertThat(e.getMessage()).contains("'X-Amz-Tagging' is already sent");
        });
    assertThatThrownBy(() -> client.getObjectBytes(GetObjectRequest.of(OBJ).withVersionId("v")
        .withOptions(CallOptions.NONE.withQueryParameter("versionId", "w"))))
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.subject()).isEqualTo("extra query parameter"));
    assertThatThrownBy(() -> client.putObject(PutObjectRequest.of(OBJ)
        .withMetadata(ObjectMetadata.NONE.withContentDisposition("a\u00e9")), new byte[1]))
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.subject()).isEqualTo("content-disposition"));
    assertThatThrownBy(() -> client.putObject(PutObjectRequest.of(OBJ).withChecksum(ChecksumAlgorithm.CRC32), new byte[1]))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.subject()).isEqualTo("checksum");
          assertThat(e.getMessage()).contains("generic provider does not take x-amz-checksum-*");
        });
    assertThat(peer.received()).isEmpty();
  }

  @Test
  void aServerErrorNeverShowsTheCustomerKey() {
    // S3 answers SignatureDoesNotMatch with its canonical request, which holds every signed header.
    peer.then(new Answer(403, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch"
        + "</Code><Message>no</Message><CanonicalRequest>GET\n/bucket/key\n\nhost:h\n"
        + "x-amz-server-side-encryption-customer-key:" + KEY_B64 + "\n\nhost</CanonicalRequest></Error>"));

    assertThatThrownBy(() -> client.getObjectBytes(GetObjectRequest.of(OBJ).withCustomerKey(CustomerKey.of(KEY))))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.serverCanonicalRequest()).contains("x-amz-server-side-encryption-customer-key:<redacted>");
          assertThat(e.getMessage() + e.explain() + e.serverCanonicalRequest() + e.attempts()).doesNotContain(KEY_B64);
        });
  }
}
