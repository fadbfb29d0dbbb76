package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * SSE-S3 and SSE-KMS as S3 has them, driven by the AWS SDK v2 at its defaults: every object is
 * SSE-S3 unless the request or the bucket's default says otherwise, the choice is stored and
 * echoed by PUT, GET, HEAD, CreateMultipartUpload, UploadPart, Complete and Copy; invalid values
 * get S3's errors; Put/Get/DeleteBucketEncryption keep the bucket default through the bucket
 * configuration store. Both stores; HTTP/1.1 plain and TLS, HTTP/2 over TLS.
 */
@Timeout(120)
class EncryptionTest {
  static final String REGION_ARN = "arn:aws:kms:us-east-1:000000000000:";
  static S3Server plain;
  static S3Server tls;
  static S3Server file;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    plain = Peers.onOneDigitDay().start();
    tls = Peers.onOneDigitDay().tls(true).start();
    dir = Files.createTempDirectory("s3wire-sse");
    file = Peers.onOneDigitDay().store(ObjectStore.file(dir, Peers.oneDigitDayClock())).start();
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    tls.close();
    file.close();
    file.store().close();
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("memory", plain), Arguments.of("tls", tls), Arguments.of("file", file));
  }

  static String bucket() {
    return "e" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  static String context(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void everyObjectIsSseS3ByDefaultAndEveryOperationSaysSo(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      PutObjectResponse put = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
      assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(put.ssekmsKeyId()).isNull();
      assertThat(s3.headObject(r -> r.bucket(b).key("k")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("k")).response().serverSideEncryption())
          .isEqualTo(ServerSideEncryption.AES256);
      CopyObjectResponse copy = s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("c"));
      assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

      CreateMultipartUploadResponse create = s3.createMultipartUpload(r -> r.bucket(b).key("mp"));
      assertThat(create.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      UploadPartResponse part = s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(create.uploadId()).partNumber(1),
          RequestBody.fromString("p"));
      assertThat(part.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket(b).key("mp")
          .uploadId(create.uploadId()).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1)
              .eTag(part.eTag()).checksumCRC32(part.checksumCRC32()).build())));
      assertThat(done.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(s3.headObject(r -> r.bucket(b).key("mp")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

      // Naming SSE-S3 explicitly is the same thing.
      assertThat(s3.putObject(r -> r.bucket(b).key("explicit").serverSideEncryption(ServerSideEncryption.AES256),
          RequestBody.fromString("x")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void kmsIsStoredAndEchoed(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      String ctx = context("{\"purpose\":\"test\"}");
      PutObjectResponse put = s3.putObject(r -> r.bucket(b).key("kms").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsKeyId("1234abcd-12ab-34cd-56ef-1234567890ab").ssekmsEncryptionContext(ctx).bucketKeyEnabled(true),
          RequestBody.fromString("secret"));
      assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(put.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/1234abcd-12ab-34cd-56ef-1234567890ab");
      assertThat(put.ssekmsEncryptionContext()).isEqualTo(ctx);
      assertThat(put.bucketKeyEnabled()).isTrue();
      HeadObjectResponse head = s3.headObject(r -> r.bucket(b).key("kms"));
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(head.ssekmsKeyId()).isEqualTo(put.ssekmsKeyId());
      assertThat(head.bucketKeyEnabled()).isTrue();
      // GET and HEAD do not return the encryption context.
      assertThat(head.sdkHttpResponse().firstMatchingHeader("x-amz-server-side-encryption-context")).isEmpty();
      var got = s3.getObjectAsBytes(r -> r.bucket(b).key("kms"));
      assertThat(got.asUtf8String()).isEqualTo("secret");
      assertThat(got.response().ssekmsKeyId()).isEqualTo(put.ssekmsKeyId());

      // An ARN is kept as given; no key names S3's AWS-managed key; DSSE-KMS is its own algorithm.
      String arn = "arn:aws:kms:eu-west-1:111122223333:key/abc";
      assertThat(s3.putObject(r -> r.bucket(b).key("arn").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsKeyId(arn), RequestBody.fromString("x")).ssekmsKeyId()).isEqualTo(arn);
      PutObjectResponse managed = s3.putObject(r -> r.bucket(b).key("managed")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("x"));
      assertThat(managed.ssekmsKeyId()).isEqualTo(REGION_ARN + "alias/aws/s3");
      assertThat(managed.bucketKeyEnabled()).isNull();
      PutObjectResponse dsse = s3.putObject(r -> r.bucket(b).key("dsse")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE).ssekmsKeyId("alias/mine"), RequestBody.fromString("x"));
      assertThat(dsse.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS_DSSE);
      assertThat(s3.headObject(r -> r.bucket(b).key("dsse")).ssekmsKeyId()).isEqualTo(REGION_ARN + "alias/mine");

      // The copy is encrypted as its request says, not as its source was.
      CopyObjectResponse copy = s3.copyObject(r -> r.sourceBucket(b).sourceKey("kms").destinationBucket(b)
          .destinationKey("copy"));
      assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      CopyObjectResponse toKms = s3.copyObject(r -> r.sourceBucket(b).sourceKey("copy").destinationBucket(b)
          .destinationKey("copy").serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("k2"));
      assertThat(toKms.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(toKms.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/k2");
      assertThat(s3.headObject(r -> r.bucket(b).key("copy")).ssekmsKeyId()).isEqualTo(REGION_ARN + "key/k2");

      CreateMultipartUploadResponse create = s3.createMultipartUpload(r -> r.bucket(b).key("mp")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("k3").bucketKeyEnabled(true));
      assertThat(create.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/k3");
      UploadPartResponse part = s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(create.uploadId()).partNumber(1),
          RequestBody.fromString("p"));
      assertThat(part.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(part.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/k3");
      assertThat(part.bucketKeyEnabled()).isTrue();
      CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket(b).key("mp")
          .uploadId(create.uploadId()).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1)
              .eTag(part.eTag()).checksumCRC32(part.checksumCRC32()).build())));
      assertThat(done.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(done.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/k3");
      assertThat(done.bucketKeyEnabled()).isTrue();
    }
  }

  private static void assertError(Runnable call, int status, String code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      if (message != null) {
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      }
    });
  }

  /** Adds a header the SDK's model has no field for on that operation. */
  static ExecutionInterceptor header(String name, String value) {
    return new ExecutionInterceptor() {
      @Override
      public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().putHeader(name, value).build();
      }
    };
  }

  @Test
  void invalidValuesGetS3sErrors() throws Exception {
    try (S3Client s3 = Peers.apache(plain)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").serverSideEncryption("AES128"), RequestBody.fromString("x")),
          400, "InvalidArgument", "The encryption method specified is not supported");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").ssekmsKeyId("k1"), RequestBody.fromString("x")), 400,
          "InvalidArgument", "Server Side Encryption with AWS KMS managed key requires HTTP header"
              + " x-amz-server-side-encryption : aws:kms");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").serverSideEncryption(ServerSideEncryption.AES256)
          .ssekmsKeyId("k1"), RequestBody.fromString("x")), 400, "InvalidArgument", null);
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsEncryptionContext("not base64 json"), RequestBody.fromString("x")), 400, "InvalidArgument", null);
      assertError(() -> s3.createMultipartUpload(r -> r.bucket(b).key("k").serverSideEncryption("aws:kms:other")),
          400, "InvalidArgument", "The encryption method specified is not supported");
      s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
      assertError(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("c")
          .serverSideEncryption("nope")), 400, "InvalidArgument", "The encryption method specified is not supported");
      // Nothing was stored by the refused writes.
      assertThat(s3.listObjectsV2(r -> r.bucket(b)).contents()).extracting(o -> o.key()).containsExactly("k");
    }
    // A read names no encryption: S3 refuses the header on GET and HEAD.
    try (S3Client s3 = Peers.apache(plain, header("x-amz-server-side-encryption", "AES256"))) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
      assertError(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("k")), 400, "InvalidArgument",
          "x-amz-server-side-encryption header is not supported for this operation.");
      assertError(() -> s3.headObject(r -> r.bucket(b).key("k")), 400, null, null);
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void bucketDefaultEncryptionIsKeptAndApplied(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      // Every bucket has a default since 2023: SSE-S3, and SSE-C blocked since April 2026.
      ServerSideEncryptionRule rule = s3.getBucketEncryption(r -> r.bucket(b)).serverSideEncryptionConfiguration()
          .rules().get(0);
      assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(rule.bucketKeyEnabled()).isFalse();
      assertThat(rule.blockedEncryptionTypes().encryptionType()).containsExactly(EncryptionType.SSE_C);

      s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule
          .builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
              .kmsMasterKeyID("bucket-key")).bucketKeyEnabled(true).build())));
      rule = s3.getBucketEncryption(r -> r.bucket(b)).serverSideEncryptionConfiguration().rules().get(0);
      assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo("bucket-key");
      assertThat(rule.bucketKeyEnabled()).isTrue();
      // Left out, the SSE-C block stays as it was.
      assertThat(rule.blockedEncryptionTypes().encryptionType()).containsExactly(EncryptionType.SSE_C);

      PutObjectResponse put = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
      assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(put.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/bucket-key");
      assertThat(put.bucketKeyEnabled()).isTrue();
      assertThat(s3.createMultipartUpload(r -> r.bucket(b).key("mp")).ssekmsKeyId()).isEqualTo(REGION_ARN + "key/bucket-key");
      // A request that names its encryption wins over the default; the header turns the bucket key off.
      assertThat(s3.putObject(r -> r.bucket(b).key("s3").serverSideEncryption(ServerSideEncryption.AES256),
          RequestBody.fromString("x")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
      PutObjectResponse noBucketKey = s3.putObject(r -> r.bucket(b).key("nbk").bucketKeyEnabled(false),
          RequestBody.fromString("x"));
      assertThat(noBucketKey.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(noBucketKey.bucketKeyEnabled()).isNull();
      PutObjectResponse ownKey = s3.putObject(r -> r.bucket(b).key("own").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsKeyId("mine"), RequestBody.fromString("x"));
      assertThat(ownKey.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/mine");
      // Objects keep what they were written with.
      s3.deleteBucketEncryption(r -> r.bucket(b));
      assertThat(s3.headObject(r -> r.bucket(b).key("k")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(s3.getBucketEncryption(r -> r.bucket(b)).serverSideEncryptionConfiguration().rules().get(0)
          .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
      assertThat(s3.putObject(r -> r.bucket(b).key("after"), RequestBody.fromString("x")).serverSideEncryption())
          .isEqualTo(ServerSideEncryption.AES256);

      assertError(() -> s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(
          ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES512")).build()))),
          400, "MalformedXML", null);
      assertError(() -> s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(
          ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)
              .kmsMasterKeyID("k")).build()))), 400, "InvalidArgument",
          "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse");
      assertError(() -> s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(
          ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
              .build(), ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(
                  ServerSideEncryption.AES256)).build()))), 400, "MalformedXML", null);
      assertError(() -> s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(
          ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
              .blockedEncryptionTypes(t -> t.encryptionTypeWithStrings("SSE-KMS")).build()))), 400, "MalformedXML", null);
      assertError(() -> s3.getBucketEncryption(r -> r.bucket("no-such-bucket-here")), 404, "NoSuchBucket", null);
    }
  }

  @Test
  void http2OverTlsEchoesEncryption() throws Exception {
    try (S3AsyncClient s3 = Peers.nettyHttp2(tls)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b)).get(30, TimeUnit.SECONDS);
      PutObjectResponse put = s3.putObject(r -> r.bucket(b).key("k").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsKeyId("h2"), AsyncRequestBody.fromString("h2")).get(30, TimeUnit.SECONDS);
      assertThat(put.ssekmsKeyId()).isEqualTo(REGION_ARN + "key/h2");
      var got = s3.getObject(r -> r.bucket(b).key("k"), AsyncResponseTransformer.toBytes()).get(30, TimeUnit.SECONDS);
      assertThat(got.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(got.asUtf8String()).isEqualTo("h2");
      assertThat(s3.getBucketEncryption(r -> r.bucket(b)).get(30, TimeUnit.SECONDS).serverSideEncryptionConfiguration()
          .rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
    }
  }
}
