package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import io.s3wire.wire.WireListener;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request values: what each wither changes, what each constructor refuses and names, what prints. */
class RequestValuesTest {
  static final BucketKey OBJ = BucketKey.of("bucket", "key");
  static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i + 1);
    }
  }

  private static void rejected(String subject, String messagePart, Runnable r) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(ClientException.class, e -> {
      assertThat(e.subject()).isEqualTo(subject);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }

  @Test
  void putWithersSetOneFieldEach() {
    CustomerKey key = CustomerKey.of(KEY);
    WireListener l = e -> {};
    PutObjectRequest r = PutObjectRequest.of(OBJ)
        .withMetadata(ObjectMetadata.contentType("text/plain").withContentDisposition("attachment")
            .withContentEncoding("gzip").withContentLanguage("en").withExpires(Instant.parse("2026-01-02T03:04:05Z")))
        .withTag("a", "1").withTag("b", "2")
        .withAcl(ObjectAcl.canned("public-read"))
        .withCustomerKey(key)
        .withChecksum(ChecksumAlgorithm.CRC32)
        .withOptions(CallOptions.NONE.withHeader("x-extra", "v").withQueryParameter("q", null).withListener(l));
    assertThat(r.object()).isEqualTo(OBJ);
    assertThat(r.metadata().contentType()).isEqualTo("text/plain");
    assertThat(r.metadata().contentDisposition()).isEqualTo("attachment");
    assertThat(r.metadata().contentEncoding()).isEqualTo("gzip");
    assertThat(r.metadata().contentLanguage()).isEqualTo("en");
    assertThat(r.metadata().expires()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(r.tags()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(r.acl().canned()).isEqualTo("public-read");
    assertThat(r.customerKey()).isEqualTo(CustomerKey.of(KEY.clone()));
    assertThat(r.checksum()).isEqualTo(ChecksumAlgorithm.CRC32);
    assertThat(r.options().headers()).containsExactly(Map.entry("x-extra", "v"));
    assertThat(r.options().query()).containsKey("q");
    assertThat(r.options().listener()).isSameAs(l);
    assertThat(r.withEncryption(null).withCustomerKey(null).withEncryption(ServerSideEncryption.s3()).encryption())
        .isEqualTo(ServerSideEncryption.s3());
    assertThat(PutObjectRequest.of(OBJ).metadata()).isEqualTo(ObjectMetadata.NONE);
    assertThat(PutObjectRequest.of(OBJ).options()).isEqualTo(CallOptions.NONE);
  }

  @Test
  void putRefusesBadInputNamingTheField() {
    rejected("sse", "not both", () -> PutObjectRequest.of(OBJ).withEncryption(ServerSideEncryption.s3())
        .withCustomerKey(CustomerKey.of(KEY)));
    Map<String, String> eleven = new HashMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("k" + i, "v");
    }
    rejected("tags", "at most 10", () -> PutObjectRequest.of(OBJ).withTags(eleven));
    rejected("tags", "1 to 128", () -> PutObjectRequest.of(OBJ).withTag("", "v"));
    rejected("tags", "1 to 128", () -> PutObjectRequest.of(OBJ).withTag("k".repeat(129), "v"));
    rejected("tags", "only letters, digits", () -> PutObjectRequest.of(OBJ).withTag("k", "a&b"));
    rejected("tags", "only letters, digits", () -> PutObjectRequest.of(OBJ).withTag("k?", "v"));
    assertThat(PutObjectRequest.of(OBJ).withTag("Grüße 1", "a+b-c=d.e_f:g/h@i").tags()).hasSize(1);
    rejected("tags", "over 256", () -> PutObjectRequest.of(OBJ).withTag("k", "v".repeat(257)));
    assertThatThrownBy(() -> PutObjectRequest.of(null)).isInstanceOf(NullPointerException.class).hasMessage("object");
  }

  @Test
  void encryptionValuesAreChecked() {
    ServerSideEncryption kms = ServerSideEncryption.kms("key-1").withKmsContext(Map.of("dept", "x")).withBucketKey(true);
    assertThat(kms.algorithm()).isEqualTo("aws:kms");
    assertThat(kms.kmsKeyId()).isEqualTo("key-1");
    assertThat(kms.kmsContext()).containsExactly(Map.entry("dept", "x"));
    assertThat(kms.bucketKeyEnabled()).isTrue();
    assertThat(ServerSideEncryption.kms().kmsKeyId()).isNull();
    rejected("sse", "AES256, aws:kms", () -> new ServerSideEncryption("aes", null, null, null));
    rejected("sse", "needs aws:kms", () -> new ServerSideEncryption("AES256", "k", null, null));
    rejected("sse", "needs aws:kms", () -> ServerSideEncryption.s3().withBucketKey(true));
    rejected("sse", "needs aws:kms", () -> ServerSideEncryption.s3().withKmsContext(Map.of("a", "b")));
    rejected("sse-kms-key-id", "blank", () -> ServerSideEncryption.kms(" "));
  }

  @Test
  void customerKeyIsThirtyTwoBytesAndNeverPrinted() {
    rejected("customer key", "was 16 bytes", () -> CustomerKey.of(new byte[16]));
    rejected("customer key", "was none", () -> CustomerKey.of(null));
    byte[] given = KEY.clone();
    CustomerKey key = CustomerKey.of(given);
    given[0] = 99;
    String b64 = Base64.getEncoder().encodeToString(KEY);
    assertThat(key.encodedKey()).isEqualTo(b64);
    assertThat(key.algorithm()).isEqualTo("AES256");
    assertThat(key.keyMd5()).isEqualTo(md5(KEY));
    PutObjectRequest put = PutObjectRequest.of(OBJ).withCustomerKey(key);
    GetObjectRequest get = GetObjectRequest.of(OBJ).withCustomerKey(key);
    CopyObjectRequest copy = CopyObjectRequest.of(OBJ, OBJ.withKey("k2")).withSourceCustomerKey(key).withCustomerKey(key);
    for (Object o : new Object[] {key, put, get, copy, HeadObjectRequest.of(OBJ).withCustomerKey(key),
        new MultipartUpload(OBJ, "u", key)}) {
      assertThat(o.toString()).doesNotContain(b64).contains(key.keyMd5());
    }
    assertThat(key.toString()).isEqualTo("CustomerKey[AES256, md5=" + md5(KEY) + "]");
  }

  @Test
  void aclIsCannedOrGrants() {
    ObjectAcl grants = ObjectAcl.grant(ObjectAcl.Permission.READ, "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")
        .withGrant(ObjectAcl.Permission.FULL_CONTROL, "id=\"abc\"");
    assertThat(grants.grants()).containsOnlyKeys(ObjectAcl.Permission.READ, ObjectAcl.Permission.FULL_CONTROL);
    assertThat(ObjectAcl.Permission.READ_ACP.header()).isEqualTo("x-amz-grant-read-acp");
    rejected("acl", "not a canned ACL", () -> ObjectAcl.canned("public"));
    rejected("acl", "not both", () -> new ObjectAcl("private", Map.of(ObjectAcl.Permission.READ, "id=\"a\"")));
    rejected("acl", "needs a permission and grantees", () -> ObjectAcl.grant(ObjectAcl.Permission.READ, " "));
  }

  @Test
  void callOptionsRefuseWhatS3wireSets() {
    rejected("extra header", "set by s3wire", () -> CallOptions.NONE.withHeader("Authorization", "x"));
    rejected("extra header", "set by s3wire", () -> CallOptions.NONE.withHeader("X-Amz-Content-SHA256", "x"));
    rejected("extra header", "not an HTTP token", () -> CallOptions.NONE.withHeader("bad name", "x"));
    rejected("extra header", "printable ASCII", () -> CallOptions.NONE.withHeader("x-a", "line\nbreak"));
    rejected("extra query parameter", "set by s3wire", () -> CallOptions.NONE.withQueryParameter("X-Amz-Signature", "x"));
    rejected("extra query parameter", "empty", () -> CallOptions.NONE.withQueryParameter("", "x"));
    assertThat(new CallOptions(null, null, null)).isEqualTo(CallOptions.NONE);
  }

  @Test
  void readDeleteAndHeadWithersAndVersionIds() {
    Range range = Range.of(0, 9);
    GetObjectRequest get = GetObjectRequest.of(OBJ).withRange(range).withConditions(Conditions.ifMatch("e"))
        .withVersionId("v1");
    assertThat(get).isEqualTo(new GetObjectRequest(OBJ, range, Conditions.ifMatch("e"), "v1", null, CallOptions.NONE));
    assertThat(new GetObjectRequest(OBJ, null, null).versionId()).isNull();
    HeadObjectRequest head = HeadObjectRequest.of(OBJ).withVersionId("v2").withChecksums(true)
        .withConditions(Conditions.ifNoneMatch("x"));
    assertThat(head.versionId()).isEqualTo("v2");
    assertThat(head.withChecksums()).isTrue();
    assertThat(head.conditions().ifNoneMatch()).isEqualTo("x");
    assertThat(DeleteObjectRequest.of(OBJ).withVersionId("v3").versionId()).isEqualTo("v3");
    rejected("version id", "non-empty", () -> GetObjectRequest.of(OBJ).withVersionId(""));
    rejected("version id", "without spaces", () -> DeleteObjectRequest.of(OBJ).withVersionId("a b"));
    rejected("version id", "without spaces", () -> HeadObjectRequest.of(OBJ).withVersionId("a\u00e9"));
    rejected("version id", "non-empty", () -> CopyObjectRequest.of(OBJ, OBJ).withSourceVersionId(" "));
  }

  @Test
  void copyKeepsItsOldFormsAndRefusesClashes() {
    CopyObjectRequest c = CopyObjectRequest.of(OBJ, OBJ.withKey("b")).withSourceVersionId("v").withTags(Map.of("t", "1"))
        .withAcl(ObjectAcl.canned("private")).withEncryption(ServerSideEncryption.kms("k"));
    assertThat(c.directive()).isEqualTo(MetadataDirective.COPY);
    assertThat(c.sourceVersionId()).isEqualTo("v");
    assertThat(c.tags()).containsExactly(Map.entry("t", "1"));
    assertThat(CopyObjectRequest.of(OBJ, OBJ).tags()).isNull();
    assertThat(c.replacing(ObjectMetadata.contentType("a/b")).directive()).isEqualTo(MetadataDirective.REPLACE);
    rejected("sse", "not both", () -> c.withCustomerKey(CustomerKey.of(KEY)));
    rejected("metadata directive", "REPLACE", () -> new CopyObjectRequest(OBJ, OBJ, MetadataDirective.COPY,
        ObjectMetadata.contentType("a/b"), null));
  }

  private static String md5(byte[] b) {
    try {
      return Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(b));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
