package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CopyObjectRequest;
import io.s3wire.CustomerKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.HeadObjectRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectAcl;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectRequest;
import io.s3wire.ServerSideEncryption;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import io.s3wire.wire.WireEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * s3wire's request values against the embedded server over TLS: SSE-S3 and SSE-KMS echoed, SSE-C on
 * PUT, GET, HEAD, multipart parts and both sides of a copy, tags, ACLs, content headers, a
 * per-request checksum, and the transfer manager taking the same request. The AWS SDK (at its
 * defaults) only sets up what s3wire has no call for (a bucket's SSE-C allowance) and reads back
 * tags and ACLs as an independent witness.
 */
@Timeout(120)
class RequestFeaturesTest {
  static final byte[] KEY = CustomerKeyTest.bytes(32, 5);
  static final byte[] OTHER = CustomerKeyTest.bytes(32, 9);

  static S3Server server;
  static io.s3wire.S3Client client;
  static software.amazon.awssdk.services.s3.S3Client sdk;
  static final List<WireEvent> events = new CopyOnWriteArrayList<>();
  @TempDir static Path home;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().tls(true).start();
    Path ca = home.resolve("ca.pem");
    server.writeCertificatePem(ca);
    client = io.s3wire.S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), home))
        .endpoint(server.endpoint().toString()).region("us-east-1").credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.aws()).transportConfig(TransportConfig.builder().trustedCertificates(ca).build())
        .listener(events::add).build();
    sdk = Peers.apache(server);
  }

  @AfterAll
  static void stop() {
    sdk.close();
    client.close();
    server.close();
  }

  private static String bucket(String name) {
    client.createBucket(name);
    return name;
  }

  @Test
  void serverManagedEncryptionIsEchoedInTheHead() {
    String b = bucket("sse-echo");
    BucketKey s3 = BucketKey.of(b, "s3");
    BucketKey kms = BucketKey.of(b, "kms");
    client.putObject(PutObjectRequest.of(s3).withEncryption(ServerSideEncryption.s3()), new byte[] {1});
    client.putObject(PutObjectRequest.of(kms).withEncryption(ServerSideEncryption.kms("1234abcd-12ab-34cd-56ef-1234567890ab")
        .withKmsContext(Map.of("dept", "eng")).withBucketKey(true)), new byte[] {2});

    assertThat(client.headObject(s3).encryption()).isEqualTo(ServerSideEncryption.s3());
    ServerSideEncryption echoed = client.headObject(kms).encryption();
    assertThat(echoed.algorithm()).isEqualTo("aws:kms");
    assertThat(echoed.kmsKeyId()).endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(echoed.bucketKeyEnabled()).isTrue();
  }

  @Test
  void tagsAclAndContentHeadersAreStoredAndReadBack() {
    String b = bucket("tags-acl");
    BucketKey obj = BucketKey.of(b, "doc.txt");
    ObjectMetadata meta = ObjectMetadata.contentType("text/plain").withCacheControl("max-age=60")
        .withContentDisposition("attachment; filename=\"doc.txt\"").withContentEncoding("identity")
        .withContentLanguage("en-GB").withExpires(Instant.parse("2030-01-02T03:04:05Z")).withStorageClass("STANDARD_IA")
        .withUserMetadata("owner", "me");
    client.putObject(PutObjectRequest.of(obj).withMetadata(meta).withTag("team", "storage").withTag("tier", "2 + up")
        .withAcl(ObjectAcl.canned("public-read")), "text".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    ObjectInfo head = client.headObject(obj);
    assertThat(head.tagCount()).isEqualTo(2);
    // The embedded server keeps every object STANDARD and, as S3 does for STANDARD, does not say so.
    ObjectMetadata stored = meta.withStorageClass(null);
    assertThat(head.metadata()).isEqualTo(stored);
    assertThat(client.getObjectBytes(obj).info().metadata()).isEqualTo(stored);
    assertThat(sdk.getObjectTagging(r -> r.bucket(b).key("doc.txt")).tagSet())
        .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=storage", "tier=2 + up");
    assertThat(sdk.getObjectAcl(r -> r.bucket(b).key("doc.txt")).grants())
        .anySatisfy(g -> {
          assertThat(g.grantee().type()).isEqualTo(Type.GROUP);
          assertThat(g.grantee().uri()).endsWith("/AllUsers");
          assertThat(g.permission()).isEqualTo(Permission.READ);
        });

    client.copyObject(CopyObjectRequest.of(obj, obj.withKey("copy")).withTags(Map.of("copied", "yes")));
    assertThat(sdk.getObjectTagging(r -> r.bucket(b).key("copy")).tagSet())
        .extracting(t -> t.key() + "=" + t.value()).containsExactly("copied=yes");
    client.copyObject(CopyObjectRequest.of(obj, obj.withKey("kept")));
    assertThat(client.headObject(obj.withKey("kept")).tagCount()).isEqualTo(2);
  }

  @Test
  void customerKeysGuardEveryReadAndEveryPart() throws Exception {
    String b = bucket("ssec-requests");
    CustomerKeyTest.allowSseC(sdk, b);
    CustomerKey key = CustomerKey.of(KEY);
    CustomerKey other = CustomerKey.of(OTHER);
    BucketKey obj = BucketKey.of(b, "secret");
    byte[] data = CustomerKeyTest.bytes(1000, 3);

    client.putObject(PutObjectRequest.of(obj).withCustomerKey(key), data);

    assertThat(client.getObjectBytes(GetObjectRequest.of(obj).withCustomerKey(key)).bytes()).isEqualTo(data);
    assertThat(client.headObject(HeadObjectRequest.of(obj).withCustomerKey(key)).customerKeyMd5()).isEqualTo(key.keyMd5());
    assertThatThrownBy(() -> client.getObjectBytes(obj)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> client.headObject(HeadObjectRequest.of(obj).withCustomerKey(other)))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(403));

    // Both sides of a copy: the source's key to read it, the target's own key to write it.
    BucketKey copy = obj.withKey("copy");
    client.copyObject(CopyObjectRequest.of(obj, copy).withSourceCustomerKey(key).withCustomerKey(other));
    assertThat(client.getObjectBytes(GetObjectRequest.of(copy).withCustomerKey(other)).bytes()).isEqualTo(data);

    // Multipart: the upload carries its key to every part.
    BucketKey big = obj.withKey("big");
    byte[] part1 = CustomerKeyTest.bytes(5 * 1024 * 1024, 1);
    MultipartUpload upload = client.createMultipartUpload(PutObjectRequest.of(big).withCustomerKey(key));
    var p1 = client.uploadPart(upload, 1, RequestBody.ofBytes(part1));
    var p2 = client.uploadPart(upload, 2, RequestBody.ofBytes(data));
    client.completeMultipartUpload(upload, List.of(p1, p2));
    byte[] whole = client.getObjectBytes(GetObjectRequest.of(big).withCustomerKey(key)).bytes();
    assertThat(whole.length).isEqualTo(part1.length + data.length);
    assertThat(Arrays.copyOfRange(whole, part1.length, whole.length)).isEqualTo(data);

    String printed = events.toString();
    assertThat(printed).doesNotContain(key.encodedKey()).doesNotContain(other.encodedKey()).contains(key.keyMd5());
  }

  @Test
  void aRequestsChecksumIsSentAndStored() throws Exception {
    String b = bucket("checksums");
    Path file = home.resolve("body.bin");
    byte[] data = CustomerKeyTest.bytes(70_000, 4);
    Files.write(file, data);
    BucketKey fromFile = BucketKey.of(b, "file");
    BucketKey fromBytes = BucketKey.of(b, "bytes");

    client.putObject(PutObjectRequest.of(fromFile).withChecksum(ChecksumAlgorithm.CRC32C), RequestBody.ofFile(file));
    client.putObject(PutObjectRequest.of(fromBytes).withChecksum(ChecksumAlgorithm.SHA1), data);

    assertThat(client.headObject(HeadObjectRequest.of(fromFile).withChecksums(true)).checksums())
        .containsEntry("crc32c", ChecksumAlgorithm.CRC32C.base64(ChecksumAlgorithm.CRC32C.of(data)));
    assertThat(client.headObject(HeadObjectRequest.of(fromBytes).withChecksums(true)).checksums())
        .containsEntry("sha1", ChecksumAlgorithm.SHA1.base64(ChecksumAlgorithm.SHA1.of(data)));
  }

  @Test
  void theTransferManagerTakesTheSameRequest() throws Exception {
    String b = bucket("transfers");
    CustomerKeyTest.allowSseC(sdk, b);
    CustomerKey key = CustomerKey.of(KEY);
    BucketKey obj = BucketKey.of(b, "multi");
    byte[] data = CustomerKeyTest.bytes(11 * 1024 * 1024, 6);
    TransferConfig config = TransferConfig.defaults().withMultipartThreshold(5 * 1024 * 1024).withPartSize(5 * 1024 * 1024);
    try (TransferManager tm = TransferManager.create(client.async(), config)) {
      var result = tm.uploadBytes(PutObjectRequest.of(obj).withCustomerKey(key).withTag("via", "tm")
          .withMetadata(ObjectMetadata.contentType("application/x-test")), data, UploadOptions.DEFAULTS)
          .result().get(60, TimeUnit.SECONDS);
      assertThat(result.parts()).isEqualTo(3);
      assertThatThrownBy(() -> tm.uploadBytes(PutObjectRequest.of(obj), data,
          UploadOptions.DEFAULTS.withMetadata(ObjectMetadata.contentType("a/b"))))
          .isInstanceOfSatisfying(io.s3wire.error.ClientException.class, e -> assertThat(e.subject()).isEqualTo("metadata"));
    }
    ObjectInfo head = client.headObject(HeadObjectRequest.of(obj).withCustomerKey(key));
    assertThat(head.customerKeyMd5()).isEqualTo(key.keyMd5());
    assertThat(head.tagCount()).isEqualTo(1);
    assertThat(head.metadata().contentType()).isEqualTo("application/x-test");
    assertThat(client.getObjectBytes(GetObjectRequest.of(obj).withCustomerKey(key)).bytes()).isEqualTo(data);
  }
}
