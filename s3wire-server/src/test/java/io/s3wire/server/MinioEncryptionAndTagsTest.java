package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.DeleteObjectTagsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectTagsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.ServerSideEncryptionCustomerKey;
import io.minio.ServerSideEncryptionS3;
import io.minio.SetObjectTagsArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * The MinIO Java client (OkHttp over TLS) with {@code ServerSideEncryptionCustomerKey},
 * {@code ServerSideEncryptionS3} and object tags, in both stores: single and multipart uploads,
 * reads, stats and copies with the key, refusals without it, tags set, read and removed.
 */
@Timeout(120)
class MinioEncryptionAndTagsTest {
  static Stream<Arguments> stores() {
    return Stream.of(Arguments.of("memory"), Arguments.of("file"));
  }

  static MinioClient minio(S3Server server) throws Exception {
    TrustManager[] tm = Peers.trusting(server.certificate());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tm, null);
    OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), (X509TrustManager) tm[0])
        .connectTimeout(30, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS)
        .build();
    return MinioClient.builder().endpoint(server.endpoint().toString()).httpClient(http)
        .credentials(server.accessKey(), server.secretKey()).region("us-east-1").build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void customerKeysS3KeysAndTags(String store, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    S3Server.Builder builder = Peers.onOneDigitDay().tls(true);
    if (store.equals("file")) {
      builder.store(ObjectStore.file(dir, Peers.oneDigitDayClock()));
    }
    try (S3Server server = builder.start()) {
      MinioClient minio = minio(server);
      String b = "m" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
      minio.makeBucket(MakeBucketArgs.builder().bucket(b).build());
      // MinIO's client can neither write BlockedEncryptionTypes nor read a configuration with S3's
      // BucketKeyEnabled element (its strict parser refuses it), so the SDK allows SSE-C on the bucket.
      try (S3Client s3 = Peers.apache(server)) {
        s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule
            .builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
            .blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)).build())));
      }
      byte[] keyBytes = new byte[32];
      new SecureRandom().nextBytes(keyBytes);
      ServerSideEncryptionCustomerKey ssec = new ServerSideEncryptionCustomerKey(new SecretKeySpec(keyBytes, "AES"));
      byte[] other = new byte[32];
      new SecureRandom().nextBytes(other);
      ServerSideEncryptionCustomerKey wrong = new ServerSideEncryptionCustomerKey(new SecretKeySpec(other, "AES"));

      byte[] small = "minio with a customer key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      minio.putObject(PutObjectArgs.builder().bucket(b).object("small").sse(ssec).tags(Map.of("team", "storage"))
          .stream(new ByteArrayInputStream(small), small.length, -1).build());
      StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(b).object("small").ssec(ssec).build());
      assertThat(stat.size()).isEqualTo(small.length);
      assertThat(stat.headers().get("x-amz-server-side-encryption-customer-algorithm")).isEqualTo("AES256");
      assertThat(stat.headers().get("x-amz-tagging-count")).isEqualTo("1");
      try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(b).object("small").ssec(ssec).build())) {
        assertThat(in.readAllBytes()).isEqualTo(small);
      }
      assertThatThrownBy(() -> minio.statObject(StatObjectArgs.builder().bucket(b).object("small").build()))
          .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.response().code()).isEqualTo(400));
      assertThatThrownBy(() -> minio.getObject(GetObjectArgs.builder().bucket(b).object("small").ssec(wrong).build()))
          .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.response().code()).isEqualTo(403);
            assertThat(e.errorResponse().code()).isEqualTo("AccessDenied");
          });

      // A multipart upload: MinIO sends the key with every part.
      byte[] big = new byte[11 * 1024 * 1024 + 7];
      ThreadLocalRandom.current().nextBytes(big);
      minio.putObject(PutObjectArgs.builder().bucket(b).object("big").sse(ssec)
          .stream(new ByteArrayInputStream(big), -1, 5 * 1024 * 1024).build());
      try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(b).object("big").ssec(ssec).build())) {
        assertThat(in.readAllBytes()).isEqualTo(big);
      }

      minio.copyObject(CopyObjectArgs.builder().bucket(b).object("copy").sse(new ServerSideEncryptionS3())
          .source(CopySource.builder().bucket(b).object("small").ssec(ssec).build()).build());
      StatObjectResponse copy = minio.statObject(StatObjectArgs.builder().bucket(b).object("copy").build());
      assertThat(copy.headers().get("x-amz-server-side-encryption")).isEqualTo("AES256");
      assertThat(minio.getObjectTags(GetObjectTagsArgs.builder().bucket(b).object("copy").build()).get())
          .containsExactly(Map.entry("team", "storage"));

      minio.putObject(PutObjectArgs.builder().bucket(b).object("s3").sse(new ServerSideEncryptionS3())
          .stream(new ByteArrayInputStream(new byte[] {1}), 1, -1).build());
      assertThat(minio.statObject(StatObjectArgs.builder().bucket(b).object("s3").build()).headers()
          .get("x-amz-server-side-encryption")).isEqualTo("AES256");
      minio.setObjectTags(SetObjectTagsArgs.builder().bucket(b).object("s3").tags(Map.of("a", "1", "b", "2")).build());
      assertThat(minio.getObjectTags(GetObjectTagsArgs.builder().bucket(b).object("s3").build()).get())
          .containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
      minio.deleteObjectTags(DeleteObjectTagsArgs.builder().bucket(b).object("s3").build());
      assertThat(minio.getObjectTags(GetObjectTagsArgs.builder().bucket(b).object("s3").build()).get()).isEmpty();
      assertThatThrownBy(() -> minio.setObjectTags(SetObjectTagsArgs.builder().bucket(b).object("s3")
          .tags(Map.of("aws:reserved", "x")).build()))
          .isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.errorResponse().code()).isEqualTo("InvalidTag"));
    } finally {
      if (store.equals("file")) {
        try (Stream<Path> s = Files.list(dir)) {
          assertThat(s).isNotEmpty();
        }
      }
    }
  }
}
