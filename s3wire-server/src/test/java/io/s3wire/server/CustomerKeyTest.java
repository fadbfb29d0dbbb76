package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * SSE-C enforced as S3 enforces it, driven by the AWS SDK v2 at its defaults over TLS (HTTP/1.1 and
 * HTTP/2), in both stores (the SDK v2 sends the key's MD5 only when given it, as AWS's examples do): blocked on a new bucket until its encryption configuration allows it;
 * key and MD5 checked; the same key demanded to read, copy and upload parts, with S3's status for
 * each refusal; algorithm and key MD5 echoed; refused over plain HTTP. The key itself appears in no
 * log line, error document or stored file.
 */
@Timeout(120)
class CustomerKeyTest {
  static final byte[] KEY = bytes(32, 1);
  static final byte[] OTHER = bytes(32, 2);
  static final String KEY_B64 = b64(KEY);
  static final String OTHER_B64 = b64(OTHER);

  static S3Server tls;
  static S3Server file;
  static S3Server plain;
  static Path dir;

  static final Logger SERVER_LOG = Logger.getLogger("io.s3wire.server");
  final List<String> logged = new ArrayList<>();
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      StringWriter trace = new StringWriter();
      if (r.getThrown() != null) {
        r.getThrown().printStackTrace(new PrintWriter(trace));
      }
      synchronized (logged) {
        logged.add(new SimpleFormatter().formatMessage(r) + trace);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  Level levelBefore;

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + seed);
    }
    return b;
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static String md5(byte[] b) {
    try {
      return b64(MessageDigest.getInstance("MD5").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    // On the system clock, unlike most peer tests: the SDK takes the Date of a 403 answer for its
    // JVM-wide clock offset (SdkGlobalTime), and a month-old Date would then skew the signatures of
    // every later test in this JVM against a server that checks request times.
    tls = S3Server.builder().tls(true).start();
    dir = Files.createTempDirectory("s3wire-ssec");
    file = S3Server.builder().tls(true).store(ObjectStore.file(dir)).start();
    plain = S3Server.builder().anonymous(true).start();
  }

  @AfterAll
  static void stop() throws Exception {
    tls.close();
    file.close();
    file.store().close();
    plain.close();
  }

  @BeforeEach
  void captureLogs() {
    levelBefore = SERVER_LOG.getLevel();
    SERVER_LOG.setLevel(Level.ALL);
    SERVER_LOG.addHandler(capture);
  }

  @AfterEach
  void noKeyInTheLog() {
    SERVER_LOG.removeHandler(capture);
    SERVER_LOG.setLevel(levelBefore);
    synchronized (logged) {
      for (String line : logged) {
        assertThat(line).doesNotContain(KEY_B64).doesNotContain(OTHER_B64)
            .doesNotContain(HexFormat.of().formatHex(KEY));
      }
    }
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("memory", tls), Arguments.of("file", file));
  }

  static String bucket() {
    return "c" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  /** A new bucket whose encryption configuration allows SSE-C. */
  static String bucketAllowingSseC(S3Client s3) {
    String b = bucket();
    s3.createBucket(r -> r.bucket(b));
    allowSseC(s3, b);
    return b;
  }

  static void allowSseC(S3Client s3, String b) {
    s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule
        .builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
        .blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)).build())));
  }

  private static void assertError(Runnable call, int status, String code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      if (code != null) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      }
      if (message != null) {
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      }
      // An error never carries the key.
      String raw = e.awsErrorDetails().rawResponse() == null ? "" : e.awsErrorDetails().rawResponse().asUtf8String();
      assertThat(raw).doesNotContain(KEY_B64).doesNotContain(OTHER_B64);
    });
  }

  static final String ENCRYPTED = "The object was stored using a form of Server Side Encryption. The correct parameters"
      + " must be provided to retrieve the object.";

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void customerKeysAreEnforced(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      byte[] data = "customer-encrypted".getBytes(StandardCharsets.UTF_8);
      // New buckets block SSE-C writes, as S3's have since April 2026.
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
          RequestBody.fromBytes(data)), 403, "AccessDenied", null);
      allowSseC(s3, b);

      PutObjectResponse put = s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromBytes(data));
      assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
      assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      assertThat(put.serverSideEncryption()).isNull();

      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)));
      assertThat(got.asByteArray()).isEqualTo(data);
      assertThat(got.response().sseCustomerAlgorithm()).isEqualTo("AES256");
      assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      assertThat(got.response().serverSideEncryption()).isNull();
      // As on S3, an SSE-C object's ETag is not the MD5 of its bytes; the SDK at its defaults takes it.
      assertThat(put.eTag()).matches("\"[0-9a-f]{32}\"").isNotEqualTo("\"" + java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("MD5").digest(data)) + "\"");
      assertThat(got.response().eTag()).isEqualTo(put.eTag());
      HeadObjectResponse head = s3.headObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)));
      assertThat(head.contentLength()).isEqualTo(data.length);
      assertThat(head.sseCustomerKeyMD5()).isEqualTo(md5(KEY));

      // Without the key: 400 InvalidRequest; with another key: 403 AccessDenied (HEAD: the statuses alone).
      assertError(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k")), 400, "InvalidRequest", ENCRYPTED);
      assertError(() -> s3.headObject(r -> r.bucket(b).key("k")), 400, null, null);
      assertError(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER))), 403, "AccessDenied", null);
      assertError(() -> s3.headObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER))), 403, null, null);
      assertError(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k").range("bytes=0-3")), 400, "InvalidRequest", null);
      // A key for an object stored without one is refused too.
      s3.putObject(r -> r.bucket(b).key("plain"), RequestBody.fromString("plain"));
      assertError(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("plain").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY))), 400, "InvalidRequest", "The encryption parameters are not applicable to this object.");

      // Copy: the source's key in the copy-source headers; the target is encrypted as the request says.
      assertError(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("c")),
          400, "InvalidRequest", ENCRYPTED);
      assertError(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("c")
          .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(OTHER_B64).copySourceSSECustomerKeyMD5(md5(OTHER))), 403, "AccessDenied", null);
      var toPlain = s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("c")
          .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY_B64).copySourceSSECustomerKeyMD5(md5(KEY)));
      assertThat(toPlain.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("c")).asByteArray()).isEqualTo(data);
      var rekeyed = s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("k")
          .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY_B64).copySourceSSECustomerKeyMD5(md5(KEY))
          .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER)));
      assertThat(rekeyed.sseCustomerKeyMD5()).isEqualTo(md5(OTHER));
      assertError(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY))), 403, "AccessDenied", null);
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER)))
          .asByteArray()).isEqualTo(data);

      // Multipart: every part carries the upload's key.
      CreateMultipartUploadResponse create = s3.createMultipartUpload(r -> r.bucket(b).key("mp")
          .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)));
      assertThat(create.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      String id = create.uploadId();
      byte[] part1 = bytes(5 * 1024 * 1024, 3);
      assertError(() -> s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(id).partNumber(1), RequestBody.fromBytes(part1)),
          400, "InvalidRequest", "The multipart upload initiate requested encryption. Subsequent part requests must"
              + " include the appropriate encryption parameters.");
      assertError(() -> s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(id).partNumber(1).sseCustomerAlgorithm("AES256")
          .sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER)), RequestBody.fromBytes(part1)), 400, "InvalidArgument",
          "The provided encryption parameters did not match the ones used originally.");
      UploadPartResponse p1 = s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(id).partNumber(1)
          .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromBytes(part1));
      assertThat(p1.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      assertError(() -> s3.uploadPartCopy(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("mp")
          .uploadId(id).partNumber(2).copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(OTHER_B64).copySourceSSECustomerKeyMD5(md5(OTHER))),
          400, "InvalidRequest", null);
      var p2 = s3.uploadPartCopy(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("mp")
          .uploadId(id).partNumber(2).copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(OTHER_B64).copySourceSSECustomerKeyMD5(md5(OTHER))
          .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)));
      assertThat(p2.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      s3.completeMultipartUpload(r -> r.bucket(b).key("mp").uploadId(id).sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)).multipartUpload(m -> m.parts(
              CompletedPart.builder().partNumber(1).eTag(p1.eTag()).checksumCRC32(p1.checksumCRC32()).build(),
              CompletedPart.builder().partNumber(2).eTag(p2.copyPartResult().eTag())
                  .checksumCRC32(p2.copyPartResult().checksumCRC32()).build())));
      byte[] whole = s3.getObjectAsBytes(r -> r.bucket(b).key("mp").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)))
          .asByteArray();
      assertThat(whole).hasSize(part1.length + data.length);
      assertError(() -> s3.headObject(r -> r.bucket(b).key("mp")), 400, null, null);

      // Tagging and listing need no key.
      s3.putObjectTagging(r -> r.bucket(b).key("mp").tagging(t -> t.tagSet(s -> s.key("a").value("b"))));
      assertThat(s3.listObjectsV2(r -> r.bucket(b)).contents()).hasSize(4);
    }
  }

  /**
   * CompleteMultipartUpload of an SSE-C upload: as S3 documents, the key is needed when the upload
   * was created with a checksum algorithm; without one it may be left out; a key sent must be the
   * upload's, else 400 InvalidRequest as S3 answers (UploadPart answers InvalidArgument).
   */
  @Test
  void completeNeedsTheUploadsKeyWhenTheUploadHasAChecksumAlgorithm() throws Exception {
    try (S3Client s3 = Peers.apache(tls)) {
      String b = bucketAllowingSseC(s3);
      byte[] data = bytes(1000, 5);
      for (boolean checksum : new boolean[] {true, false}) {
        String key = checksum ? "crc32" : "none";
        String id = s3.createMultipartUpload(r -> r.bucket(b).key(key).sseCustomerAlgorithm("AES256")
            .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY))
            .checksumAlgorithm(checksum ? software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32 : null))
            .uploadId();
        UploadPartResponse part = s3.uploadPart(r -> r.bucket(b).key(key).uploadId(id).partNumber(1)
            .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
            RequestBody.fromBytes(data));
        CompletedPart completed = CompletedPart.builder().partNumber(1).eTag(part.eTag())
            .checksumCRC32(part.checksumCRC32()).build();
        assertError(() -> s3.completeMultipartUpload(r -> r.bucket(b).key(key).uploadId(id)
            .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER))
            .multipartUpload(m -> m.parts(completed))), 400, "InvalidRequest",
            "The provided encryption parameters did not match the ones used originally.");
        if (checksum) {
          assertError(() -> s3.completeMultipartUpload(r -> r.bucket(b).key(key).uploadId(id)
              .multipartUpload(m -> m.parts(completed))), 400, "InvalidRequest", null);
          assertThat(s3.listMultipartUploads(r -> r.bucket(b)).uploads()).extracting(u -> u.uploadId()).contains(id);
          s3.completeMultipartUpload(r -> r.bucket(b).key(key).uploadId(id).sseCustomerAlgorithm("AES256")
              .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)).multipartUpload(m -> m.parts(completed)));
        } else {
          s3.completeMultipartUpload(r -> r.bucket(b).key(key).uploadId(id).multipartUpload(m -> m.parts(completed)));
        }
        assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key(key).sseCustomerAlgorithm("AES256")
            .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY))).asByteArray()).isEqualTo(data);
      }
    }
  }

  @Test
  void badKeysGetS3sErrors() throws Exception {
    try (S3Client s3 = Peers.apache(tls)) {
      String b = bucketAllowingSseC(s3);
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64)
          .sseCustomerKeyMD5(md5(OTHER)), RequestBody.fromString("x")), 400, "InvalidArgument",
          "The calculated MD5 hash of the key did not match the hash that was provided.");
      String shortKey = b64(bytes(16, 1));
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(shortKey).sseCustomerKeyMD5(md5(bytes(16, 1))),
          RequestBody.fromString("x")), 400, "InvalidArgument", "The secret key was invalid for the specified algorithm.");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES128").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
          RequestBody.fromString("x")), 400, "InvalidEncryptionAlgorithmError",
          "The encryption request that you specified is not valid. The valid value is AES256.");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
          RequestBody.fromString("x")), 400, "InvalidArgument", "Requests specifying Server Side Encryption with Customer"
              + " provided keys must provide a valid encryption algorithm.");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256"), RequestBody.fromString("x")),
          400, "InvalidArgument", "Requests specifying Server Side Encryption with Customer provided keys must provide an"
              + " appropriate secret key.");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY))
          .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("x")), 400, "InvalidArgument",
          "Server Side Encryption with Customer provided key is incompatible with the encryption method specified");
      assertThat(s3.listObjectsV2(r -> r.bucket(b)).contents()).isEmpty();
    }
    // The key is signed (an x-amz-* header) and so part of the canonical request a SignatureDoesNotMatch
    // echoes: there it is redacted.
    try (S3Client wrong = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(tls.endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(tls.accessKey(), "wrong-secret")))
        .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder().tlsTrustManagersProvider(
            () -> Peers.trusting(tls.certificate()))).build()) {
      assertThatThrownBy(() -> wrong.getObjectAsBytes(r -> r.bucket("any").key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)))).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            String raw = e.awsErrorDetails().rawResponse().asUtf8String();
            assertThat(raw).contains("x-amz-server-side-encryption-customer-key:&lt;redacted&gt;")
                .contains("x-amz-server-side-encryption-customer-key-md5:" + md5(KEY)).doesNotContain(KEY_B64);
          });
    }
  }

  @Test
  void sseCOverPlainHttpIsRefusedAsS3RefusesIt() throws Exception {
    plain.store().createBucket("raw");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(plain.endpoint() + "/raw/k"))
        .timeout(Duration.ofSeconds(30)).header("x-amz-server-side-encryption-customer-algorithm", "AES256")
        .header("x-amz-server-side-encryption-customer-key", KEY_B64)
        .header("x-amz-server-side-encryption-customer-key-MD5", md5(KEY))
        .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("<Code>InvalidRequest</Code>").contains("<Message>Requests specifying Server Side"
        + " Encryption with Customer provided keys must be made over a secure connection.</Message>")
        .doesNotContain(KEY_B64);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(plain.endpoint() + "/raw/k"))
        .timeout(Duration.ofSeconds(30)).header("x-amz-server-side-encryption-customer-algorithm", "AES256")
        .header("x-amz-server-side-encryption-customer-key", KEY_B64)
        .header("x-amz-server-side-encryption-customer-key-MD5", md5(KEY)).build(), HttpResponse.BodyHandlers.ofString());
    // NoSuchKey comes first for an absent object; a present one is refused for the plain connection.
    assertThat(get.statusCode()).isEqualTo(404);
    plain.store().putObject("raw", "k", new ObjectAttributes(java.util.Map.of(), java.util.Map.of()),
        new java.io.ByteArrayInputStream(new byte[1]));
    HttpResponse<String> get2 = http.send(HttpRequest.newBuilder(URI.create(plain.endpoint() + "/raw/k"))
        .timeout(Duration.ofSeconds(30)).header("x-amz-server-side-encryption-customer-algorithm", "AES256")
        .header("x-amz-server-side-encryption-customer-key", KEY_B64)
        .header("x-amz-server-side-encryption-customer-key-MD5", md5(KEY)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get2.statusCode()).isEqualTo(400);
    assertThat(get2.body()).contains("must be made over a secure connection.");
  }

  @Test
  void http2OverTlsWithACustomerKey() throws Exception {
    try (S3Client admin = Peers.apache(tls); S3AsyncClient s3 = Peers.nettyHttp2(tls)) {
      String b = bucket();
      admin.createBucket(r -> r.bucket(b));
      allowSseC(admin, b);
      PutObjectResponse put = s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
          AsyncRequestBody.fromString("over h2")).get(30, TimeUnit.SECONDS);
      assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      var got = s3.getObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
          AsyncResponseTransformer.toBytes()).get(30, TimeUnit.SECONDS);
      assertThat(got.asUtf8String()).isEqualTo("over h2");
      assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(md5(KEY));
      assertThatThrownBy(() -> s3.getObject(r -> r.bucket(b).key("k"), AsyncResponseTransformer.toBytes())
          .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(S3Exception.class)
          .cause().satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(400));
      assertThatThrownBy(() -> s3.getObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(OTHER_B64).sseCustomerKeyMD5(md5(OTHER)), AsyncResponseTransformer.toBytes()).get(30, TimeUnit.SECONDS))
          .cause().satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
    }
  }

  @Test
  void theKeyIsInNoStoredFile() throws Exception {
    // Runs after (or without) the file-store test: whatever the store holds, no file has the key.
    try (S3Client s3 = Peers.apache(file)) {
      String b = bucketAllowingSseC(s3);
      s3.putObject(r -> r.bucket(b).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)),
          RequestBody.fromString("x"));
      String id = s3.createMultipartUpload(r -> r.bucket(b).key("open").sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY))).uploadId();
      s3.uploadPart(r -> r.bucket(b).key("open").uploadId(id).partNumber(1).sseCustomerAlgorithm("AES256")
          .sseCustomerKey(KEY_B64).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromString("part"));
    }
    byte[] hexKey = HexFormat.of().formatHex(KEY).getBytes(StandardCharsets.US_ASCII);
    int files = 0;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        byte[] content = Files.readAllBytes(p);
        assertThat(indexOf(content, KEY)).as(p.toString()).isEqualTo(-1);
        assertThat(indexOf(content, KEY_B64.getBytes(StandardCharsets.US_ASCII))).as(p.toString()).isEqualTo(-1);
        assertThat(indexOf(content, hexKey)).as(p.toString()).isEqualTo(-1);
        files++;
      }
    }
    assertThat(files).isGreaterThan(3);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
